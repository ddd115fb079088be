/** Cached feature matrices of image folders (migration 5). */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The identity of a cached feature set. */
export interface FeatureCacheKey {
  readonly folderHash: string;
  readonly modelId: string;
  readonly modelSha256: string;
  readonly preprocessing: string;
}

/** A cached feature set. */
export interface CachedFeatures {
  readonly n: number;
  readonly d: number;
  /** n×d float32, row-major. */
  readonly features: Float32Array;
  readonly skipped: ReadonlyArray<string>;
}

interface Row {
  n: number;
  d: number;
  features: Buffer;
  skipped_json: string;
}

/** The cache key string of a key. */
export function featureCacheKey(key: FeatureCacheKey): string {
  const text = [key.folderHash, key.modelId, key.modelSha256, key.preprocessing].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** Repository of cached features. */
export class MetricFeaturesRepo {
  constructor(private readonly db: Database) {}

  /** The cached features for `key`, or null. */
  get(key: FeatureCacheKey): CachedFeatures | null {
    const row = this.db
      .prepare('SELECT n, d, features, skipped_json FROM metric_feature_cache WHERE cache_key = ?')
      .get(featureCacheKey(key)) as Row | undefined;
    if (!row) return null;
    // Copy the bytes: a Buffer from SQLite may sit at an offset a Float32Array cannot view.
    const bytes = new Uint8Array(row.n * row.d * 4);
    bytes.set(row.features.subarray(0, bytes.length));
    const features = new Float32Array(bytes.buffer); // little-endian, like every supported platform
    return { n: row.n, d: row.d, features, skipped: JSON.parse(row.skipped_json) as string[] };
  }

  /** Stores (or replaces) the features for `key`. */
  put(key: FeatureCacheKey, value: CachedFeatures): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO metric_feature_cache
         (cache_key, folder_hash, model_id, model_sha256, preprocessing, n, d, features, skipped_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        featureCacheKey(key),
        key.folderHash,
        key.modelId,
        key.modelSha256,
        key.preprocessing,
        value.n,
        value.d,
        Buffer.from(value.features.buffer, value.features.byteOffset, value.features.byteLength),
        JSON.stringify(value.skipped),
        new Date().toISOString(),
      );
  }
}
