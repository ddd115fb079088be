/**
 * The self-correct experiment: R rounds of text-only feedback on the drawings of an earlier run
 * (the study's "improve your drawing" loop). Plan: correct-plan.ts; rounds: correct-rounds.ts;
 * scores: correct-score.ts; reading the trajectories back: trajectory.ts.
 */
import type { CorrectConfig } from '../../../shared/experiments.js';
import type { Experiment } from '../experiment.js';
import { planCorrection } from './correct-plan.js';
import { executeCorrection } from './correct-rounds.js';
import { scoreCorrection } from './correct-score.js';
import type { CorrectUnit } from './correct-unit.js';

/** The self-correct experiment of a run config. */
export function correctExperiment(config: CorrectConfig): Experiment<CorrectUnit> {
  return {
    plan: async (ctx) => planCorrection(ctx.store.db, config, (line) => ctx.log(line)),
    execute: (unit, ctx) => executeCorrection(unit, ctx),
    score: (ctx, checkpoint) => scoreCorrection(ctx, config, checkpoint),
  };
}
