/**
 * How every command that starts a run ends (`run draw|recognise|correct`, `runs resume|rerun|sample`):
 * start it through the engine, follow its `runs.execute` job with the progress bar (Ctrl-C cancels
 * the job; the run stays resumable), then print the run, or `{ "runId" }` with --json.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { ApiClient, CallResult } from '../../../shared/contract.js';
import type { JobSummary } from '../../../shared/jobs.js';
import type { RunDetail } from '../../../shared/runs.js';
import type { CliContext } from '../context.js';
import { unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { describeJob } from '../job-report.js';
import { printJson } from '../output.js';
import { withEngine } from '../with-engine.js';
import { describeRun } from './run-summary.js';

/** Options of {@link startAndFollowRun}. */
export interface FollowRunOptions {
  /** The progress bar's label. */
  readonly label: string;
  readonly json?: boolean;
  /** Set by `--detach` in the background process: the run id is written here once the run started. */
  readonly announceFile?: string;
}

/** How a followed run ended. */
interface FollowedRun {
  readonly run: RunDetail;
  readonly job: JobSummary | null;
  /** Stopped on request (Ctrl-C here, or `runs pause|cancel` from another process). */
  readonly cancelledByUser: boolean;
}

/** Writes the run id where the foreground `--detach` process waits for it (atomically). */
function announce(file: string, runId: string): void {
  writeFileSync(`${file}.tmp`, runId);
  renameSync(`${file}.tmp`, file);
}

/** While the run is followed: SIGUSR2 (`kill -USR2 <pid>`) pauses it here, as Ctrl-C cancels it. */
function onPauseSignal(client: ApiClient, runId: string, paused: () => void): () => void {
  if (process.platform === 'win32') return () => {};
  const handler = (): void => {
    paused();
    void client.call('runs.pause', { id: runId });
  };
  process.on('SIGUSR2', handler);
  return () => void process.off('SIGUSR2', handler);
}

async function follow(
  client: ApiClient,
  start: (client: ApiClient) => Promise<CallResult<'runs.create'>>,
  options: FollowRunOptions,
): Promise<FollowedRun> {
  const started = unwrap(await start(client));
  const runId = started.summary.id;
  const jobId = started.jobId;
  // A run with nothing left to follow (e.g. the sample run installed earlier) is shown as it is.
  if (jobId === null || started.summary.status === 'finished') {
    if (options.announceFile) announce(options.announceFile, runId);
    return { run: started, job: null, cancelledByUser: false };
  }
  if (options.announceFile) announce(options.announceFile, runId);
  let pausedByUser = false;
  const removePause = onPauseSignal(client, runId, () => (pausedByUser = true));
  try {
    // Subscribed before `jobs.get`, so a job that ends in between is seen either way.
    const followed = await followJob(client, () => client.call('jobs.get', { id: jobId }), {
      label: options.label,
    });
    const run = unwrap(await client.call('runs.show', { id: runId }));
    return { run, job: followed.job, cancelledByUser: followed.cancelledByUser || pausedByUser };
  } finally {
    removePause();
  }
}

/** The command that continues a run that did not finish. */
export function resumeHint(runId: string): string {
  return `vcheck runs resume ${runId}`;
}

function report(outcome: FollowedRun, json: boolean | undefined): void {
  const { run, job } = outcome;
  const runId = run.summary.id;
  if (json) printJson({ runId });
  const succeeded = job === null ? run.summary.status === 'finished' : job.status === 'succeeded';
  if (succeeded) {
    if (!json) {
      const lines = job ? describeJob(job) : [];
      process.stdout.write(`${describeRun(run)}${lines.map((l) => `${l}\n`).join('')}`);
    }
    return;
  }
  // Paused or cancelled (here, or from another process through a stop request) is a stop, not an error.
  const stopped = outcome.cancelledByUser || ['paused', 'cancelled'].includes(run.summary.status);
  const why = job?.error && !stopped ? `: ${job.error.replace(/\.$/, '')}` : '';
  const resumable = run.summary.status !== 'finished';
  process.stderr.write(
    `vcheck: run ${runId} ${run.summary.status}${why}${resumable ? `; continue it with: ${resumeHint(runId)}` : ''}\n`,
  );
  process.exitCode = stopped ? 130 : 1;
}

/** Starts a run with `start` (runs.create, runs.resume, …), follows it to its end and reports it. */
export async function startAndFollowRun(
  ctx: CliContext,
  start: (client: ApiClient) => Promise<CallResult<'runs.create'>>,
  options: FollowRunOptions,
): Promise<void> {
  const outcome = await withEngine(ctx, (client) => follow(client, start, options));
  report(outcome, options.json);
}
