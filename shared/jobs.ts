/** Job and progress types shared by the engine and every face. */
import { z } from 'zod';

/** The job kinds the engine knows how to run. */
export const JOB_KINDS = ['store.verify'] as const;
/** A job kind. */
export type JobKind = (typeof JOB_KINDS)[number];

/** Lifecycle of a job row. `interrupted` = the process died while it ran; it can be resumed. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
/** A job status. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses after which a job no longer changes unless resumed. */
export const FINISHED_JOB_STATUSES: ReadonlyArray<JobStatus> = ['succeeded', 'failed', 'cancelled'];

/** Parameters of the `store.verify` job. */
export const storeVerifyParams = z.object({
  /** Also remove rows of the images table whose file is missing. */
  repair: z.boolean().default(false),
});
/** Parameters of the `store.verify` job. */
export type StoreVerifyParams = z.infer<typeof storeVerifyParams>;

/** Params schema per job kind: every job start is validated against these. */
export const jobParamsSchemas = {
  'store.verify': storeVerifyParams,
} as const satisfies Record<JobKind, z.ZodType>;

/** Fields every progress report has. */
interface ProgressBase {
  /** 0..1, or null when the total is not known yet. */
  readonly fraction: number | null;
  readonly done: number;
  readonly total: number | null;
  /** Items per second over the recent window. */
  readonly rate?: number;
  /** Seconds left at the current rate. */
  readonly etaSeconds?: number;
  readonly message?: string;
}

/** Progress of a `store.verify` job. */
export interface StoreVerifyProgress extends ProgressBase {
  readonly kind: 'store.verify';
  readonly corrupt: number;
  readonly missing: number;
}

/** Progress, a tagged union per job kind. */
export type JobProgress = StoreVerifyProgress;

/** Result of a finished `store.verify` job. */
export interface StoreVerifyResult {
  readonly kind: 'store.verify';
  readonly checked: number;
  readonly ok: number;
  readonly corrupt: ReadonlyArray<{ readonly hash: string; readonly reason: string }>;
  readonly missing: ReadonlyArray<string>;
  readonly unreferencedFiles: number;
  readonly bytes: number;
}

/** Result of a finished job, a tagged union per kind. */
export type JobResult = StoreVerifyResult;

/** A job as the faces see it. */
export interface JobSummary {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly params: unknown;
  readonly progress: JobProgress | null;
  readonly result: JobResult | null;
  readonly error: string | null;
  readonly attempt: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** Events the job registry emits; each carries the full job so listeners need no refetch. */
export type JobEvent =
  | { readonly type: 'status'; readonly job: JobSummary }
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: JobProgress }
  | { readonly type: 'log'; readonly jobId: string; readonly line: string };
