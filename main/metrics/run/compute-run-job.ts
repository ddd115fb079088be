/**
 * `metrics.compute`: scores a run as a job, with progress per phase (CLIP batches, LPIPS concept
 * groups, realism, aggregation) and cancel between steps. The scores are written in one
 * transaction at the end, so a cancelled or failed job leaves the run's previous scores intact.
 * Nothing is committed per item: resuming a job recomputes it from scratch (text embeddings and
 * reference features are cached, so the expensive shared parts are not redone).
 */
import {
  metricsComputeParams,
  type MetricsComputeParams,
  type MetricsComputePhase,
  type MetricsComputeResult,
} from '../../../shared/jobs.js';
import { RateMeter } from '../../jobs/rate.js';
import type { JobContext, JobDefinition } from '../../jobs/types.js';
import type { Store } from '../../store/store.js';
import { computeRunMetrics, type Checkpoint } from './compute-run.js';

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

/** Reports progress, stops on cancel and lets the engine serve other requests between steps. */
function checkpointFor(ctx: JobContext): Checkpoint {
  let phase: MetricsComputePhase | null = null;
  let meter = new RateMeter();
  return async (next, done, total) => {
    throwIfCancelled(ctx.signal);
    // Rates of different phases count different things (batches, groups): restart per phase.
    if (next !== phase) [phase, meter] = [next, new RateMeter()];
    ctx.report({
      kind: 'metrics.compute',
      phase: next,
      done,
      total,
      fraction: total ? done / total : 1,
      // The progress bar shows the message: say which phase the counts are of.
      message: next,
      ...meter.update(done, total),
    });
    await new Promise((resolve) => setImmediate(resolve));
    throwIfCancelled(ctx.signal);
  };
}

async function run(
  store: Store,
  params: MetricsComputeParams,
  ctx: JobContext,
): Promise<MetricsComputeResult> {
  const summary = await computeRunMetrics(store, params, checkpointFor(ctx));
  for (const warning of summary.warnings) ctx.log(`warning: ${warning}`);
  ctx.log(`scored ${summary.images} images: ${summary.stored} scores (${summary.names.join(', ')})`);
  return { kind: 'metrics.compute', ...summary };
}

/** The `metrics.compute` job definition, bound to a store. */
export function metricsComputeJob(store: Store): JobDefinition<'metrics.compute'> {
  return {
    kind: 'metrics.compute',
    params: metricsComputeParams,
    run: (params, ctx) => run(store, params as MetricsComputeParams, ctx),
  };
}
