/** Cached CLIP text embeddings of dataset concepts (migration 5), per dataset version and model. */
import type { Database } from 'better-sqlite3';

/** One cached embedding. */
export interface CachedTextEmbedding {
  readonly conceptIdx: number;
  readonly embedding: Float32Array;
  readonly truncated: boolean;
}

interface Row {
  concept_idx: number;
  embedding: Buffer;
  truncated: number;
}

/** Text embeddings repository. */
export class MetricTextEmbeddingsRepo {
  constructor(private readonly db: Database) {}

  /** The cached embeddings among `conceptIdx` (missing ones are simply absent). */
  get(
    datasetId: string,
    modelSha256: string,
    conceptIdx: ReadonlyArray<number>,
  ): Map<number, CachedTextEmbedding> {
    const select = this.db.prepare(
      'SELECT concept_idx, embedding, truncated FROM metric_text_embeddings WHERE dataset_id = ? AND model_sha256 = ? AND concept_idx = ?',
    );
    const found = new Map<number, CachedTextEmbedding>();
    for (const idx of conceptIdx) {
      const row = select.get(datasetId, modelSha256, idx) as Row | undefined;
      if (!row) continue;
      const bytes = Uint8Array.from(row.embedding); // a copy: SQLite buffers may be unaligned
      found.set(idx, {
        conceptIdx: idx,
        embedding: new Float32Array(bytes.buffer),
        truncated: row.truncated === 1,
      });
    }
    return found;
  }

  /** Stores embeddings (replacing any with the same key). */
  put(datasetId: string, modelSha256: string, items: ReadonlyArray<CachedTextEmbedding>): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO metric_text_embeddings (dataset_id, model_sha256, concept_idx, embedding, truncated)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const item of items)
        insert.run(
          datasetId,
          modelSha256,
          item.conceptIdx,
          Buffer.from(item.embedding.buffer, item.embedding.byteOffset, item.embedding.byteLength),
          item.truncated ? 1 : 0,
        );
    })();
  }
}
