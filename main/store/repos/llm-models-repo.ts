/** Persistence of the GGUF models the model manager knows: imported, downloading or failed. */
import type { Database } from 'better-sqlite3';

/** How the file is held: referenced where it lies, copied into the data dir, or downloaded there. */
export type ModelStorage = 'reference' | 'copy' | 'download';

/** Ready to load, being downloaded, or a download that failed (its file kept). */
export type ModelStatus = 'ready' | 'downloading' | 'failed';

/** One model row. */
export interface LlmModelRow {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly storage: ModelStorage;
  readonly status: ModelStatus;
  readonly sha256: string | null;
  readonly expectedSha256: string | null;
  readonly sizeBytes: number | null;
  readonly sourceUrl: string | null;
  /** The GGUF header facts as JSON (interpreted by the llm module). */
  readonly infoJson: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Row {
  id: string;
  name: string;
  path: string;
  storage: ModelStorage;
  status: ModelStatus;
  sha256: string | null;
  expected_sha256: string | null;
  size_bytes: number | null;
  source_url: string | null;
  info_json: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): LlmModelRow => ({
  id: r.id,
  name: r.name,
  path: r.path,
  storage: r.storage,
  status: r.status,
  sha256: r.sha256,
  expectedSha256: r.expected_sha256,
  sizeBytes: r.size_bytes,
  sourceUrl: r.source_url,
  infoJson: r.info_json,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Models repository. */
export class LlmModelsRepo {
  /** Creates the repository on an open connection. */
  constructor(private readonly db: Database) {}

  /** Every model, newest first. */
  list(): readonly LlmModelRow[] {
    return (this.db.prepare('SELECT * FROM llm_models ORDER BY created_at DESC, id').all() as Row[]).map(
      fromRow,
    );
  }

  /** One model, or undefined. */
  get(id: string): LlmModelRow | undefined {
    const row = this.db.prepare('SELECT * FROM llm_models WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Inserts or replaces the row of `row.id`. */
  upsert(row: LlmModelRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO llm_models (id, name, path, storage, status, sha256, expected_sha256, size_bytes,
           source_url, info_json, error, created_at, updated_at)
         VALUES (@id, @name, @path, @storage, @status, @sha256, @expectedSha256, @sizeBytes, @sourceUrl, @infoJson,
           @error, @createdAt, @updatedAt)`,
      )
      .run(row);
  }

  /** Deletes a row; returns whether it existed. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM llm_models WHERE id = ?').run(id).changes > 0;
  }
}
