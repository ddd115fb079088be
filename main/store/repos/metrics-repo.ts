/** Stored scores of runs (the `metrics` table): every row carries its provenance. */
import type { Database } from 'better-sqlite3';
import type { MetricProvenance, MetricRecord, MetricScope } from '../../../shared/metrics.js';

interface Row {
  scope: MetricScope;
  scope_key: string;
  name: string;
  value: number | null;
  provenance_json: string;
}

/** Metrics repository. */
export class MetricsRepo {
  constructor(private readonly db: Database) {}

  /** Replaces the run's scores named in `names` by `records`, in one transaction. */
  replace(runId: string, names: ReadonlyArray<string>, records: ReadonlyArray<MetricRecord>): void {
    const remove = this.db.prepare('DELETE FROM metrics WHERE run_id = ? AND name = ?');
    const insert = this.db.prepare(
      `INSERT INTO metrics (run_id, scope, scope_key, name, value, provenance_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const name of names) remove.run(runId, name);
      for (const r of records)
        insert.run(runId, r.scope, r.scopeKey, r.name, r.value, JSON.stringify(r.provenance), at);
    })();
  }

  /** Every score of a run, ordered by name, scope and key. */
  forRun(runId: string): MetricRecord[] {
    const rows = this.db
      .prepare(
        `SELECT scope, scope_key, name, value, provenance_json FROM metrics WHERE run_id = ?
         ORDER BY name, scope, scope_key`,
      )
      .all(runId) as Row[];
    return rows.map((r) => ({
      scope: r.scope,
      scopeKey: r.scope_key,
      name: r.name,
      value: r.value,
      provenance: JSON.parse(r.provenance_json) as MetricProvenance,
    }));
  }
}
