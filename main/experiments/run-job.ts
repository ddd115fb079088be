/**
 * `runs.execute`: the run engine. One attempt of a run: drop the samples that failed at the model
 * (they are redone), plan the experiment's units, skip those whose samples are all committed, run
 * the rest with bounded concurrency per model lane and overlap between units, then score the run,
 * record the versions used and finish it. A stopped attempt leaves the run `paused`, `cancelled` or
 * `interrupted` (engine closing), a failing one `failed`; each of those resumes where it stopped.
 * A finished run is immutable: the job refuses to run it.
 */
import { runConfigSchema } from '../../shared/experiments.js';
import { runsExecuteParams, type RunsExecuteParams, type RunsExecuteResult } from '../../shared/jobs.js';
import { AppFailure } from '../../shared/result.js';
import type { RunVersions } from '../../shared/runs.js';
import type { JobContext, JobDefinition } from '../jobs/types.js';
import type { ItemRecord } from '../store/repos/samples-repo.js';
import { RunViewsRepo } from '../store/repos/run-views-repo.js';
import { CircuitBreaker } from './engine/circuit-breaker.js';
import type { RunControl } from './engine/run-control.js';
import { RunAttempt, type AttemptDeps } from './engine/run-attempt.js';
import { RunProgress } from './engine/run-progress.js';
import { runUnits } from './engine/unit-scheduler.js';
import type { Experiment, WorkUnit } from './experiment.js';
import { experimentFor } from './kinds.js';
import { laneSize } from './models/open-model.js';

/** What the engine needs besides the attempt's parts. */
export interface RunEngineDeps extends AttemptDeps {
  readonly control: RunControl;
  /** Render workers per language: units beyond the lanes' slots keep them busy. */
  readonly renderPoolSize: number;
}

/** Units in flight: twice every lane's slots plus the render pool, so renders overlap model calls. */
function unitsInFlight(attempt: RunAttempt, renderPoolSize: number): number {
  const models = 'models' in attempt.config ? (attempt.config.models ?? []) : [];
  const lanes = models.reduce((sum, spec) => sum + laneSize(spec), 0) || 1;
  return 2 * lanes + renderPoolSize;
}

async function executeUnits(
  experiment: Experiment<WorkUnit>,
  attempt: RunAttempt,
  deps: RunEngineDeps,
  ctx: JobContext,
): Promise<RunProgress> {
  const { store } = deps;
  const units = await experiment.plan(attempt.context(ctx.signal));
  const keys = units.flatMap((u) => u.sampleKeys);
  const skipped = keys.filter((k) => attempt.done.has(k)).length;
  const okBefore = new RunViewsRepo(store.db).okCount(attempt.runId);
  const progress = new RunProgress(attempt.runId, keys.length, skipped, okBefore, attempt.clock, (p) =>
    ctx.report(p),
  );
  attempt.onCommit = (items) => progress.committed(items);
  progress.emit('items');
  const todo = units.filter((u) => !u.sampleKeys.every((k) => attempt.done.has(k)));
  ctx.log(`${todo.length} of ${units.length} units to do (${skipped} of ${keys.length} samples done before)`);
  const breaker = new CircuitBreaker();
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  try {
    await runUnits({
      units: todo,
      limit: unitsInFlight(attempt, deps.renderPoolSize),
      signal,
      execute: async (unit) => {
        const committed: ItemRecord[] = [];
        await experiment.execute(
          unit,
          attempt.context(signal, (items) => committed.push(...items)),
        );
        if (breaker.record(committed)) stop.abort();
      },
    });
  } catch (error) {
    if (breaker.tripped && !ctx.signal.aborted) throw new Error(breaker.message());
    throw error;
  }
  return progress;
}

async function execute(
  deps: RunEngineDeps,
  attempt: RunAttempt,
  ctx: JobContext,
): Promise<RunsExecuteResult> {
  const experiment = experimentFor(attempt.config);
  const progress = await executeUnits(experiment, attempt, deps, ctx);
  progress.emit('metrics', { done: 0, total: 1 });
  const score = await attempt.clock.timed('metrics', () =>
    experiment.score(attempt.context(ctx.signal), async (done, total) => {
      ctx.signal.throwIfAborted();
      progress.emit('metrics', { done, total });
      await new Promise((resolve) => setImmediate(resolve));
    }),
  );
  const byStatus = deps.store.samples.countsByStatus(attempt.runId);
  // A finished run never changes, so failures at the model stay; a re-run asks only those again
  // (every answer that came back is served from the response cache).
  const failedAtModel = byStatus['llm_error'] ?? 0;
  const warnings = [
    ...score.warnings,
    ...(failedAtModel
      ? [`${failedAtModel} samples failed at the model; re-run the run to ask only those again`]
      : []),
  ];
  for (const warning of warnings) ctx.log(`warning: ${warning}`);
  const items = progress.doneNow;
  return {
    kind: 'runs.execute',
    runId: attempt.runId,
    items: deps.store.samples.doneKeys(attempt.runId).size,
    doneNow: items,
    byStatus,
    metricNames: score.names,
    stageMs: attempt.clock.snapshot(),
    warnings,
  };
}

/** Loads and checks the run, clears its model failures and marks it running. */
function begin(deps: RunEngineDeps, runId: string, ctx: JobContext): RunAttempt {
  const { store } = deps;
  const record = store.runs.record(runId);
  if (!record) throw new AppFailure('not_found', `No run ${runId}.`);
  if (record.status === 'finished')
    throw new AppFailure('conflict', `Run ${runId} is finished; a finished run is never changed.`);
  const config = runConfigSchema.parse(record.config);
  // Samples that failed at the model are not finished work: this attempt asks again.
  const dropped = store.runs.deleteSamples(runId, 'llm_error');
  if (dropped) ctx.log(`retrying ${dropped} samples that failed at the model`);
  if (!store.runs.markRunning(runId)) throw new AppFailure('conflict', `Run ${runId} cannot run now.`);
  store.runs.setJob(runId, ctx.jobId);
  return new RunAttempt(deps, runId, config, (line) => ctx.log(line));
}

async function run(
  deps: RunEngineDeps,
  params: RunsExecuteParams,
  ctx: JobContext,
): Promise<RunsExecuteResult> {
  const attempt = begin(deps, params.runId, ctx);
  const { runs } = deps.store;
  const previous = (runs.record(params.runId)?.versions ?? null) as RunVersions | null;
  try {
    const result = await execute(deps, attempt, ctx);
    runs.setVersions(params.runId, await attempt.versions(previous));
    runs.setStatus(params.runId, 'finished');
    return result;
  } catch (error) {
    runs.setVersions(params.runId, await attempt.versions(previous));
    runs.setStatus(params.runId, ctx.signal.aborted ? deps.control.stopStatus(ctx.stopReason()) : 'failed');
    throw error;
  } finally {
    await attempt.close();
  }
}

/** The `runs.execute` job definition, bound to the engine's parts. */
export function runsExecuteJob(deps: RunEngineDeps): JobDefinition<'runs.execute'> {
  return {
    kind: 'runs.execute',
    params: runsExecuteParams,
    run: (params, ctx) => run(deps, params as RunsExecuteParams, ctx),
  };
}
