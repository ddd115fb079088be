/** Persistence of job rows and their per-item bookkeeping. Every state change is written here. */
import type { Database, Statement } from 'better-sqlite3';
import type { JobKind, JobProgress, JobResult, JobStatus, JobSummary } from '../../../shared/jobs.js';

interface JobRow {
  id: string;
  kind: JobKind;
  status: JobStatus;
  params_json: string;
  progress_json: string | null;
  result_json: string | null;
  error_text: string | null;
  attempt: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toSummary(row: JobRow): JobSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    params: JSON.parse(row.params_json) as unknown,
    progress: row.progress_json ? (JSON.parse(row.progress_json) as JobProgress) : null,
    result: row.result_json ? (JSON.parse(row.result_json) as JobResult) : null,
    error: row.error_text,
    attempt: row.attempt,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

const now = (): string => new Date().toISOString();

/** Jobs repository. */
export class JobsRepo {
  private readonly commitItem: Statement;
  private readonly itemDone: Statement;

  constructor(private readonly db: Database) {
    this.commitItem = db.prepare(
      `INSERT INTO job_items (job_id, item_key, status, result_json, attempt, finished_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, item_key) DO NOTHING`,
    );
    this.itemDone = db.prepare('SELECT 1 FROM job_items WHERE job_id = ? AND item_key = ?');
  }

  /** Inserts a queued job. */
  insert(id: string, kind: JobKind, params: unknown): JobSummary {
    const at = now();
    this.db
      .prepare(
        `INSERT INTO jobs (id, kind, params_json, status, attempt, created_at, updated_at) VALUES (?, ?, ?, 'queued', 1, ?, ?)`,
      )
      .run(id, kind, JSON.stringify(params), at, at);
    return this.require(id);
  }

  /** One job, or null. */
  get(id: string): JobSummary | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** One job; throws when absent (callers checked existence). */
  require(id: string): JobSummary {
    const job = this.get(id);
    if (!job) throw new Error(`job ${id} vanished`);
    return job;
  }

  /** Newest jobs first. */
  list(query: { limit: number; statuses?: ReadonlyArray<JobStatus>; kind?: JobKind }): JobSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.statuses?.length) {
      where.push(`status IN (${query.statuses.map(() => '?').join(',')})`);
      args.push(...query.statuses);
    }
    if (query.kind) {
      where.push('kind = ?');
      args.push(query.kind);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM jobs${clause} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(...args, query.limit) as JobRow[];
    return rows.map(toSummary);
  }

  /** Marks a job running (a resume bumps the attempt). */
  markRunning(id: string, resumed: boolean, owner: string | null = null): void {
    const at = now();
    this.db
      .prepare(
        `UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, ?), finished_at = NULL, error_text = NULL,
         attempt = attempt + ?, updated_at = ?, owner = ?, heartbeat_at = ?, stop_request = NULL WHERE id = ?`,
      )
      .run(at, resumed ? 1 : 0, at, owner, at, id);
  }

  /** Asks the process that runs a job to stop it (`cancel` or `pause`). */
  requestStop(id: string, reason: 'cancel' | 'pause'): void {
    this.db.prepare(`UPDATE jobs SET stop_request = ? WHERE id = ? AND status = 'running'`).run(reason, id);
  }

  /** Stop requests for some of the jobs this process runs. */
  stopRequests(ids: ReadonlyArray<string>): Map<string, 'cancel' | 'pause'> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT id, stop_request FROM jobs WHERE stop_request IS NOT NULL AND id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as { id: string; stop_request: 'cancel' | 'pause' }[];
    return new Map(rows.map((r) => [r.id, r.stop_request]));
  }

  /** Refreshes the heartbeat of jobs this process runs. */
  heartbeat(ids: ReadonlyArray<string>): void {
    const stmt = this.db.prepare('UPDATE jobs SET heartbeat_at = ? WHERE id = ?');
    const at = now();
    this.db.transaction(() => ids.forEach((id) => stmt.run(at, id)))();
  }

  /** Records the latest progress. */
  saveProgress(id: string, progress: JobProgress): void {
    this.db
      .prepare('UPDATE jobs SET progress_json = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(progress), now(), id);
  }

  /** Records a final (or interrupted) state. */
  finish(id: string, status: JobStatus, result: JobResult | null, error: string | null): void {
    const at = now();
    this.db
      .prepare(
        'UPDATE jobs SET status = ?, result_json = ?, error_text = ?, finished_at = ?, updated_at = ? WHERE id = ?',
      )
      .run(status, result ? JSON.stringify(result) : null, error, at, at, id);
  }

  /**
   * Jobs a dead process left `running` or `queued` become `interrupted`; returns their ids. Jobs whose
   * owner is still alive (another process on the same data directory) are left alone.
   */
  markInterrupted(
    ownerGone: (owner: string | null, heartbeatAt: string | null) => boolean = () => true,
  ): string[] {
    const rows = this.db
      .prepare(`SELECT id, owner, heartbeat_at FROM jobs WHERE status IN ('running', 'queued')`)
      .all() as { id: string; owner: string | null; heartbeat_at: string | null }[];
    const orphans = rows.filter((r) => ownerGone(r.owner, r.heartbeat_at));
    const stmt = this.db.prepare(`UPDATE jobs SET status = 'interrupted', updated_at = ? WHERE id = ?`);
    this.db.transaction(() => orphans.forEach((r) => stmt.run(now(), r.id)))();
    return orphans.map((r) => r.id);
  }

  /** Commits one finished work item in its own transaction; a second commit of the same key is ignored. */
  commitItemResult(
    jobId: string,
    key: string,
    status: 'ok' | 'failed',
    result: unknown,
    attempt: number,
  ): void {
    this.commitItem.run(
      jobId,
      key,
      status,
      result === undefined ? null : JSON.stringify(result),
      attempt,
      now(),
    );
  }

  /** True when the item was committed by any attempt. */
  isItemDone(jobId: string, key: string): boolean {
    return this.itemDone.get(jobId, key) !== undefined;
  }

  /** Every committed item of a job, in commit order. */
  items(
    jobId: string,
  ): { key: string; status: string; result: unknown; attempt: number; finishedAt: string }[] {
    const rows = this.db
      .prepare(
        'SELECT item_key, status, result_json, attempt, finished_at FROM job_items WHERE job_id = ? ORDER BY finished_at, item_key',
      )
      .all(jobId) as {
      item_key: string;
      status: string;
      result_json: string | null;
      attempt: number;
      finished_at: string;
    }[];
    return rows.map((r) => ({
      key: r.item_key,
      status: r.status,
      result: r.result_json ? (JSON.parse(r.result_json) as unknown) : null,
      attempt: r.attempt,
      finishedAt: r.finished_at,
    }));
  }

  /** Appends a log line. */
  log(jobId: string, line: string): void {
    this.db.prepare('INSERT INTO job_logs (job_id, at, line) VALUES (?, ?, ?)').run(jobId, now(), line);
  }
}
