/** Persistence of the language-model response cache: one row per full key, hits counted. */
import type { Database } from 'better-sqlite3';

/** Cache totals. */
export interface LlmCacheStats {
  readonly entries: number;
  readonly hits: number;
}

/** Response cache repository; keys and values are opaque to the store. */
export class LlmCacheRepo {
  /** Creates the repository on an open connection. */
  constructor(private readonly db: Database) {}

  /** The stored result JSON of `key`, counting the hit; undefined when absent. */
  hit(key: string, now: string): string | undefined {
    const row = this.db.prepare('SELECT result_json FROM llm_cache WHERE key = ?').get(key) as
      { result_json: string } | undefined;
    if (row)
      this.db.prepare('UPDATE llm_cache SET hits = hits + 1, last_hit_at = ? WHERE key = ?').run(now, key);
    return row?.result_json;
  }

  /** Stores (or replaces, after a bypassed lookup) the result of `key`. */
  put(key: string, keyJson: string, resultJson: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO llm_cache (key, key_json, result_json, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET result_json = excluded.result_json, created_at = excluded.created_at`,
      )
      .run(key, keyJson, resultJson, now);
  }

  /** Removes every entry; returns how many there were. */
  clear(): number {
    return this.db.prepare('DELETE FROM llm_cache').run().changes;
  }

  /** Entry and hit totals. */
  stats(): LlmCacheStats {
    const row = this.db
      .prepare('SELECT COUNT(*) AS entries, COALESCE(SUM(hits), 0) AS hits FROM llm_cache')
      .get() as {
      entries: number;
      hits: number;
    };
    return { entries: row.entries, hits: row.hits };
  }
}
