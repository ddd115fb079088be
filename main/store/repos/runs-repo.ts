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
  /** The run this one re-runs with changes. */
  readonly parentRunId?: string | null;
}

/** A run's stored state beyond its summary: what the run engine and `runs.show` read. */
export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly config: unknown;
  readonly configVersion: number;
  readonly datasetId: string | null;
  readonly jobId: string | null;
  readonly versions: unknown;
  readonly parentRunId: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

interface RecordRow {
  id: string;
  kind: RunKind;
  status: RunStatus;
  config_json: string;
  config_version: number;
  dataset_id: string | null;
  job_id: string | null;
  versions_json: string | null;
  parent_run_id: string | null;
  started_at: string | null;
  finished_at: string | null;
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
        `INSERT INTO runs (id, kind, name, status, config_json, config_version, app_version, dataset_id, created_at,
           parent_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        run.parentRunId ?? null,
      );
    return id;
  }

  /** A run's config, job, versions and lifecycle times, or null. */
  record(id: string): RunRecord | null {
    const r = this.db
      .prepare(
        `SELECT id, kind, status, config_json, config_version, dataset_id, job_id, versions_json, parent_run_id,
           started_at, finished_at FROM runs WHERE id = ?`,
      )
      .get(id) as RecordRow | undefined;
    if (!r) return null;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      config: JSON.parse(r.config_json) as unknown,
      configVersion: r.config_version,
      datasetId: r.dataset_id,
      jobId: r.job_id,
      versions: r.versions_json === null ? null : (JSON.parse(r.versions_json) as unknown),
      parentRunId: r.parent_run_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
    };
  }

  /** Records the job that executes a run. */
  setJob(id: string, jobId: string): void {
    this.db.prepare('UPDATE runs SET job_id = ? WHERE id = ?').run(jobId, id);
  }

  /** Marks a run running (its first start time is kept); a finished run is never changed. */
  markRunning(id: string): boolean {
    const changed = this.db
      .prepare(
        `UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?), finished_at = NULL
         WHERE id = ? AND status != 'finished'`,
      )
      .run(new Date().toISOString(), id).changes;
    return changed === 1;
  }

  /** Sets a run's status; `finished` also stamps finished_at. A finished run is never changed. */
  setStatus(id: string, status: RunStatus): void {
    this.db
      .prepare(
        `UPDATE runs SET status = ?, finished_at = CASE WHEN ? = 'finished' THEN ? ELSE finished_at END
         WHERE id = ? AND status != 'finished'`,
      )
      .run(status, status, new Date().toISOString(), id);
  }

  /** Stores the versions a run used (RunVersions of shared/runs.ts). */
  setVersions(id: string, versions: unknown): void {
    this.db.prepare('UPDATE runs SET versions_json = ? WHERE id = ?').run(JSON.stringify(versions), id);
  }

  /** Runs a dead process left `running` become `interrupted`; returns their ids. */
  markInterrupted(): string[] {
    // A run whose job another live process still runs is not interrupted.
    const orphaned = `status = 'running' AND (job_id IS NULL OR job_id NOT IN
      (SELECT id FROM jobs WHERE status IN ('running', 'queued')))`;
    const rows = this.db.prepare(`SELECT id FROM runs WHERE ${orphaned}`).all() as { id: string }[];
    this.db.prepare(`UPDATE runs SET status = 'interrupted' WHERE ${orphaned}`).run();
    return rows.map((r) => r.id);
  }

  /** Deletes a run; its samples, their rows and its scores cascade. */
  delete(id: string): void {
    this.db.prepare('DELETE FROM runs WHERE id = ?').run(id);
  }

  /** Ids of other runs whose config names `id` (a self-correct source, a recognise input). */
  dependents(id: string): string[] {
    const rows = this.db
      .prepare("SELECT id FROM runs WHERE id <> ? AND config_json LIKE '%' || ? || '%'")
      .all(id, JSON.stringify(id)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Deletes a run's samples of one status (their generations and renders cascade); returns how many. */
  deleteSamples(id: string, status: string): number {
    return this.db.prepare('DELETE FROM samples WHERE run_id = ? AND status = ?').run(id, status).changes;
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
