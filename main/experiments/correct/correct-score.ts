/**
 * Scoring a self-correct run: CLIP fidelity of every round's image with its aggregates (per
 * round too), no diversity (rounds are not repeats of one prompt), then the improved / stayed /
 * worse fractions of the trajectories. A missing CLIP model leaves warnings, not a failure.
 */
import type { CorrectConfig } from '../../../shared/experiments.js';
import { AppFailure } from '../../../shared/result.js';
import { computeRunMetrics } from '../../metrics/run/compute-run.js';
import { MetricsRepo } from '../../store/repos/metrics-repo.js';
import type { ExperimentContext, ScoreCheckpoint, ScoreOutcome } from '../experiment.js';
import {
  correctionOutcomeRecords,
  CORRECTION_OUTCOME_NAMES,
  type FidelityBasis,
} from './correction-outcomes.js';
import { correctionTrajectories } from './trajectory.js';

/** Bootstrap resamples and LPIPS pair cap of the run's aggregates (the `metrics.compute` defaults). */
const RESAMPLES = 1000;
const PAIR_CAP = 1000;

async function fidelityScores(
  ctx: ExperimentContext,
  config: CorrectConfig,
  checkpoint: ScoreCheckpoint,
): Promise<ScoreOutcome> {
  if (!config.metrics.fidelity && !config.metrics.reference)
    return { names: [], warnings: ['fidelity is off: no improved / stayed / worse'] };
  try {
    const summary = await computeRunMetrics(
      ctx.store,
      {
        runId: ctx.runId,
        fidelity: config.metrics.fidelity,
        diversity: false,
        seed: config.seed,
        pairCap: PAIR_CAP,
        resamples: RESAMPLES,
        ...(config.metrics.reference ? { reference: config.metrics.reference } : {}),
      },
      (_phase, done, total) => checkpoint(done, total),
    );
    return { names: summary.names, warnings: summary.warnings };
  } catch (error) {
    // No images, or no model for any metric: the run's rows stand without scores.
    if (error instanceof AppFailure && (error.code === 'unavailable' || error.code === 'validation'))
      return { names: [], warnings: [error.message] };
    throw error;
  }
}

/** The fidelity model recorded with the run's per-sample scores, if any. */
function fidelityBasis(ctx: ExperimentContext): FidelityBasis | null {
  const record = new MetricsRepo(ctx.store.db)
    .forRun(ctx.runId)
    .find((r) => r.name === 'fidelity.percentile' && r.scope === 'sample');
  return record ? { model: record.provenance.model, preprocessing: record.provenance.preprocessing } : null;
}

/** Scores a finished self-correct run. */
export async function scoreCorrection(
  ctx: ExperimentContext,
  config: CorrectConfig,
  checkpoint: ScoreCheckpoint,
): Promise<ScoreOutcome> {
  const fidelity = await fidelityScores(ctx, config, checkpoint);
  const basis = fidelityBasis(ctx);
  const repo = new MetricsRepo(ctx.store.db);
  if (!basis) {
    repo.replace(ctx.runId, CORRECTION_OUTCOME_NAMES, []);
    return {
      names: fidelity.names,
      warnings: [...fidelity.warnings, 'no fidelity scores: no improved / stayed / worse'],
    };
  }
  const trajectories = correctionTrajectories(ctx.store.db, ctx.runId);
  repo.replace(
    ctx.runId,
    CORRECTION_OUTCOME_NAMES,
    correctionOutcomeRecords(ctx.runId, trajectories, basis, config.rounds),
  );
  return { names: [...fidelity.names, ...CORRECTION_OUTCOME_NAMES], warnings: fidelity.warnings };
}
