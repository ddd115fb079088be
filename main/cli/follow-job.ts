/**
 * Follows one job of this process's engine to its end: a progress bar from `jobs.event` progress
 * events, and Ctrl-C (or SIGTERM) cancels the job through `jobs.cancel` instead of killing the
 * process mid-write; a second Ctrl-C quits at once.
 */
import type { ApiClient, CallResult } from '../../shared/contract.js';
import { FINISHED_JOB_STATUSES, type JobEvent, type JobSummary } from '../../shared/jobs.js';
import { assertNever } from '../../shared/result.js';
import { unwrap } from './errors.js';
import { ProgressBar, type ProgressStream } from './progress-bar.js';

/** How a followed job ended. */
export interface FollowedJob {
  readonly job: JobSummary;
  /** True when the user asked to cancel (Ctrl-C / SIGTERM). */
  readonly cancelledByUser: boolean;
}

/** Options of {@link followJob}. */
export interface FollowOptions {
  readonly label: string;
  /** Where the bar draws (default stderr). */
  readonly stream?: ProgressStream;
}

const STOP_SIGNALS: ReadonlyArray<NodeJS.Signals> = ['SIGINT', 'SIGTERM'];

/** Calls `handler` on Ctrl-C / SIGTERM until the returned function removes it. */
function onStopSignals(handler: () => void): () => void {
  STOP_SIGNALS.forEach((signal) => process.on(signal, handler));
  return () => STOP_SIGNALS.forEach((signal) => process.off(signal, handler));
}

function jobIdOf(event: JobEvent): string {
  switch (event.type) {
    case 'status':
      return event.job.id;
    case 'progress':
    case 'log':
      return event.jobId;
    default:
      return assertNever(event, 'job event');
  }
}

/** Starts (or resumes) a job with `begin` and resolves once it has finished. */
export async function followJob(
  client: ApiClient,
  begin: () => Promise<CallResult<'jobs.start'>>,
  options: FollowOptions,
): Promise<FollowedJob> {
  const early: JobEvent[] = [];
  let jobId: string | null = null;
  let bar: ProgressBar | null = null;
  let cancelRequested = false;
  let settle: (job: JobSummary) => void = () => {};
  const finished = new Promise<JobSummary>((resolve) => (settle = resolve));
  const onEvent = (event: JobEvent): void => {
    // Events can arrive before `begin` answers: keep them until the job id is known.
    if (jobId === null) return void early.push(event);
    if (jobIdOf(event) !== jobId) return;
    if (event.type === 'progress') bar?.update(event.progress);
    if (event.type === 'status' && FINISHED_JOB_STATUSES.includes(event.job.status)) settle(event.job);
  };
  const cancel = (): void => {
    if (jobId !== null) void client.call('jobs.cancel', { id: jobId });
  };
  const onSignal = (): void => {
    if (cancelRequested) process.exit(130);
    cancelRequested = true;
    process.stderr.write('\nvcheck: cancelling the job (press Ctrl-C again to quit at once)\n');
    cancel();
  };
  const unsubscribe = client.on('jobs.event', onEvent);
  const removeSignals = onStopSignals(onSignal);
  try {
    const started = unwrap(await begin());
    jobId = started.id;
    bar = new ProgressBar({ stream: options.stream ?? process.stderr, label: options.label });
    if (cancelRequested) cancel();
    if (FINISHED_JOB_STATUSES.includes(started.status)) settle(started);
    early.splice(0).forEach(onEvent);
    const job = await finished;
    bar.finish(job.status === 'succeeded' ? undefined : job.status);
    return { job, cancelledByUser: cancelRequested };
  } finally {
    unsubscribe();
    removeSignals();
  }
}
