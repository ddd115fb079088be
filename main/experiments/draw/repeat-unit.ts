/**
 * The `repeat` strategy of a draw unit: the study's prompt asked `samples` times, each answer with
 * its own derived seed, each answer's code extracted and rendered (all n concurrently), and each
 * sample committed as soon as it is rendered. An answer the model could not give is committed as
 * `llm_error` (a resumed run asks again); an answer an earlier attempt committed is skipped.
 */
import { createHash } from 'node:crypto';
import { PROMPT_LANGUAGE_NAMES } from '../../llm/templates/builtin-templates.js';
import { renderTemplate } from '../../llm/templates/prompt-template.js';
import { sampleKey, type ItemRecord, type NewSample } from '../../store/repos/samples-repo.js';
import type { ExperimentContext, LaneModel } from '../experiment.js';
import { failedStatus, sampleAnswers, type Answer } from '../llm-call.js';
import { renderAnswer } from '../render-call.js';
import type { DrawUnit } from './draw-unit.js';

/**
 * The base seed of a unit's prompt: the first 4 bytes (big-endian, 31 bits) of
 * sha256("vcheck-draw:<run seed>:<concept key>:<language>"). It leaves the model out, so that every
 * model of a run draws a concept with the same seeds, and uses the concept key rather than its
 * index, so that a slice or a derived dataset version keeps a concept's seeds. Repeat i then uses
 * `deriveSeed(base, i)` (llm/seeds.ts).
 */
export function unitSeed(runSeed: number, conceptKey: string, language: string): number {
  const digest = createHash('sha256').update(`vcheck-draw:${runSeed}:${conceptKey}:${language}`).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

/** The sample key of repeat `index` of a unit. */
export function repeatKey(unit: DrawUnit, label: string, index: number): string {
  return sampleKey({
    conceptIdx: unit.conceptIdx,
    model: label,
    language: unit.language,
    strategy: 'repeat',
    sampleIndex: index,
    round: 0,
  });
}

function sampleOf(unit: DrawUnit, ctx: ExperimentContext, model: LaneModel, answer: Answer): NewSample {
  return {
    runId: ctx.runId,
    datasetId: unit.datasetId,
    conceptIdx: unit.conceptIdx,
    model: model.label,
    language: unit.language,
    strategy: 'repeat',
    sampleIndex: answer.repeat,
    round: 0,
    seed: answer.seed,
    status: answer.text === null ? failedStatus(answer) : 'done',
    errorText: answer.generation.errorText,
  };
}

async function itemOf(
  unit: DrawUnit,
  ctx: ExperimentContext,
  model: LaneModel,
  answer: Answer,
): Promise<ItemRecord> {
  const sample = sampleOf(unit, ctx, model, answer);
  if (answer.text === null) return { sample, generation: answer.generation };
  const rendered = await renderAnswer(ctx, unit.language, answer.text, {
    size: unit.config.renderSize,
    seed: answer.seed,
  });
  return {
    sample: { ...sample, code: rendered.code },
    generation: answer.generation,
    render: rendered.render,
  };
}

/** Executes a draw unit with the repeat strategy. */
export async function executeRepeatUnit(unit: DrawUnit, ctx: ExperimentContext): Promise<void> {
  const { config } = unit;
  const template = ctx.template('draw', config.template);
  const prompt = renderTemplate(template, {
    language: PROMPT_LANGUAGE_NAMES[unit.language] ?? unit.language,
    concept: unit.text,
  });
  const model = await ctx.model(unit.model);
  const answers = await sampleAnswers(ctx, {
    model,
    prompt,
    sampling: config.sampling,
    seed: unitSeed(config.seed, unit.conceptKey, unit.language),
    n: config.samples,
  });
  await Promise.all(
    answers
      .filter((answer) => !ctx.isDone(repeatKey(unit, model.label, answer.repeat)))
      .map(async (answer) => {
        ctx.commit([await itemOf(unit, ctx, model, answer)]);
      }),
  );
}
