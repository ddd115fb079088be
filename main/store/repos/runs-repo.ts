/** Named queries over runs. The UI asks for these by name; no SQL crosses the contract. */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { RunKind, RunPage, RunStatus, RunSummary } from '../../../shared/runs.js';

interface RunRow {
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  dataset_id: string | null;
  created_at: string;
  finished_at: string | null;
  samples: number;
  renders: number;
  renders_ok: number;
}

/** Fields of a new run. */
export interface NewRun {
  readonly name: string;
  readonly kind: RunKind;
  readonly config: unknown;
  readonly configVersion: number;
  readonly appVersion: string;
  readonly datasetId?: string | null;
  readonly status?: RunStatus;
}

const SUMMARY_SELECT = `
SELECT r.id, r.name, r.kind, r.status, r.dataset_id, r.created_at, r.finished_at,
  (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id) AS samples,
  (SELECT COUNT(*) FROM renders d JOIN samples s ON s.id = d.sample_id WHERE s.run_id = r.id) AS renders,
  (SELECT COUNT(*) FROM renders d JOIN samples s ON s.id = d.sample_id WHERE s.run_id = r.id AND d.status = 'ok') AS renders_ok
FROM runs r`;

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    datasetId: row.dataset_id,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    counts: { samples: row.samples, renders: row.renders, rendersOk: row.renders_ok },
  };
}

/** Runs repository. */
export class RunsRepo {
  constructor(private readonly db: Database) {}

  /** Creates a run and returns its id. */
  insert(run: NewRun): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO runs (id, kind, name, status, config_json, config_version, app_version, dataset_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        run.kind,
        run.name,
        run.status ?? 'created',
        JSON.stringify(run.config),
        run.configVersion,
        run.appVersion,
        run.datasetId ?? null,
        new Date().toISOString(),
      );
    return id;
  }

  /** A page of runs, newest first, optionally filtered. */
  list(query: { limit: number; offset: number; kind?: RunKind; status?: RunStatus }): RunPage {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.kind) {
      where.push('r.kind = ?');
      args.push(query.kind);
    }
    if (query.status) {
      where.push('r.status = ?');
      args.push(query.status);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`${SUMMARY_SELECT}${clause} ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`)
      .all(...args, query.limit, query.offset) as RunRow[];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM runs r${clause}`).get(...args) as { n: number })
      .n;
    return { runs: rows.map(toSummary), total };
  }

  /** One run, or null. */
  get(id: string): RunSummary | null {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE r.id = ?`).get(id) as RunRow | undefined;
    return row ? toSummary(row) : null;
  }
}
