/**
 * The recognise experiment: the study's "What does the following piece of code generate?" over
 * the code of an earlier run's samples, code files and human drawings, asked free-form and/or as
 * multiple choice, scored as accuracy per concept, category, language, model and run.
 *
 * Sample identity: `concept_idx` is the input's position in the plan (inputs in config order; a
 * run's samples by id, drawings oldest first), `model` the model label, `language` the code's
 * language, `strategy` `recognise-free` or `recognise-choice`, sample index 0, round 0.
 */
import { modelLabel, type RecogniseConfig } from '../../../shared/experiments.js';
import { deriveSeed } from '../../llm/seeds.js';
import { sampleKey } from '../../store/repos/samples-repo.js';
import type { Experiment, ExperimentContext } from '../experiment.js';
import { chooseCandidates } from './candidates.js';
import { resolveInputs, type RecognitionInput } from './inputs.js';
import { candidatePools } from './pools.js';
import { scoreRecognitions } from './recognise-scores.js';
import { checkTemplates, modesOf } from './recognise-templates.js';
import { executeRecognise, STRATEGY_OF_MODE, type RecogniseUnit } from './recognise-unit.js';

/** The identity an input's options are seeded with (stable across attempts and models). */
function identityOf(input: RecognitionInput): string {
  return `${input.kind}:${input.ref}`;
}

function plan(config: RecogniseConfig, ctx: ExperimentContext): RecogniseUnit[] {
  checkTemplates(ctx, config);
  const asOf = ctx.store.runs.get(ctx.runId)?.createdAt ?? new Date().toISOString();
  const inputs = resolveInputs(ctx.store, config, asOf);
  const pools = candidatePools(ctx.store.db, inputs);
  const modes = modesOf(config);
  const asksChoice = modes.includes('choice');
  return inputs.flatMap((input, position) => {
    const candidates = asksChoice
      ? chooseCandidates(input.truth, pools[position]!, config.candidates, config.seed, identityOf(input))
      : [];
    if (asksChoice && candidates.length < config.candidates)
      ctx.log(`input ${position} (${identityOf(input)}): only ${candidates.length} options could be drawn`);
    return config.models.map((model): RecogniseUnit => {
      const label = modelLabel(model);
      const keyOf = (mode: 'free' | 'choice') =>
        sampleKey({
          conceptIdx: position,
          model: label,
          language: input.language,
          strategy: STRATEGY_OF_MODE[mode],
          sampleIndex: 0,
          round: 0,
        });
      return {
        key: `${position}|${label}`,
        lane: label,
        sampleKeys: modes.map(keyOf),
        position,
        input,
        candidates,
        model,
        modes,
        seed: deriveSeed(config.seed, position),
        config,
      };
    });
  });
}

/** The recognise experiment of a run config. */
export function recogniseExperiment(config: RecogniseConfig): Experiment<RecogniseUnit> {
  return {
    plan: async (ctx) => plan(config, ctx),
    execute: executeRecognise,
    score: async (ctx, checkpoint) => {
      await checkpoint(0, 1);
      const outcome = await scoreRecognitions(ctx.store, ctx.runId, config);
      await checkpoint(1, 1);
      return outcome;
    },
  };
}
