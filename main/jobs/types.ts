/** The job runner contract: `(params, ctx) => Promise<result>`. */
import type { JobKind, JobProgress, JobResult } from '../../shared/jobs.js';
import type { z } from 'zod';

/** Per-item bookkeeping: what a job commits here is never redone by a resumed attempt. */
export interface WorkItems {
  /** True when any attempt of this job committed the item. */
  isDone(key: string): boolean;
  /** Commits one finished item in its own transaction. */
  commit(key: string, status: 'ok' | 'failed', result?: unknown): void;
  /** Everything committed so far, by all attempts. */
  committed(): ReadonlyArray<{
    readonly key: string;
    readonly status: string;
    readonly result: unknown;
    readonly attempt: number;
  }>;
}

/** What a runner gets besides its params. */
export interface JobContext<P extends JobProgress = JobProgress> {
  readonly jobId: string;
  /** 1 for the first run, +1 per resume. */
  readonly attempt: number;
  /** Aborted on cancel or shutdown; runners check it between items. */
  readonly signal: AbortSignal;
  /** Why the signal aborted when a caller said so (`pause` keeps the work resumable by intent), else null. */
  stopReason(): 'cancel' | 'pause' | null;
  /** Reports progress; the registry throttles delivery and persistence. */
  report(progress: P): void;
  /** Appends a line to the job's log. */
  log(line: string): void;
  readonly items: WorkItems;
}

/** A job kind's definition: how to parse its params and how to run it. */
export interface JobDefinition<K extends JobKind = JobKind> {
  readonly kind: K;
  readonly params: z.ZodType;
  run(params: unknown, ctx: JobContext): Promise<JobResult>;
}
