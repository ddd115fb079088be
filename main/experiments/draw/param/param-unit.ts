/**
 * The `param` strategy of a draw unit: the model is asked (template `draw-function`) `samples`
 * times for a function with numeric parameters and a program that calls it; each answer's function
 * and parameter list are extracted, and `settings` seeded argument settings of it are rendered.
 * Setting k of answer f is sample `f * settings + k` with its own seed `deriveSeed(answer seed, k)`
 * (which seeds both its factors and its render), its arguments and the program it rendered; the
 * answer's generation row is stored with each. An answer whose function cannot be varied is
 * committed as `param_error` samples with the reason; a failed LLM call as `llm_error` samples.
 */
import { PROMPT_LANGUAGE_NAMES } from '../../../llm/templates/builtin-templates.js';
import { renderTemplate } from '../../../llm/templates/prompt-template.js';
import { deriveSeed } from '../../../llm/seeds.js';
import { extractCode } from '../../../render/extract/extract-code.js';
import { sampleKey, type ItemRecord, type NewSample } from '../../../store/repos/samples-repo.js';
import type { ExperimentContext, LaneModel } from '../../experiment.js';
import { failedStatus, sampleAnswers, type Answer } from '../../llm-call.js';
import { renderCode } from '../../render-call.js';
import type { DrawUnit } from '../draw-unit.js';
import { unitSeed } from '../repeat-unit.js';
import { settingFactors, settingProgram } from './arguments.js';
import { parametrize, type Parametrized } from './parametrize.js';

type TemplateRef = { readonly id: string; readonly version?: number };

/** The run's template when it is a `draw-function` one (a run's `template` may name its draw prompt). */
function functionTemplate(ctx: ExperimentContext, ref: TemplateRef | undefined): TemplateRef | undefined {
  if (!ref) return undefined;
  try {
    return ctx.llm.templates.get(ref.id, ref.version).task === 'draw-function' ? ref : undefined;
  } catch {
    // An unknown template: ctx.template reports it.
    return ref;
  }
}

/** The sample key of setting `k` of answer `f`. */
export function paramKey(unit: DrawUnit, label: string, sampleIndex: number): string {
  return sampleKey({
    conceptIdx: unit.conceptIdx,
    model: label,
    language: unit.language,
    strategy: 'param',
    sampleIndex,
    round: 0,
  });
}

function planOf(unit: DrawUnit, text: string): Parametrized & { readonly code: string | null } {
  const extraction = extractCode(unit.language, text);
  if (extraction.kind === 'no_code') return { kind: 'error', message: 'No code in the answer.', code: null };
  if (extraction.kind === 'wrong_language') {
    const message = `The answer's code is ${extraction.detected}, not ${unit.language}.`;
    return { kind: 'error', message, code: extraction.code };
  }
  return { ...parametrize(unit.language, extraction.code), code: extraction.code };
}

async function settingItem(
  unit: DrawUnit,
  ctx: ExperimentContext,
  base: NewSample,
  answer: Answer,
  plan: Extract<Parametrized, { kind: 'plan' }>['plan'],
): Promise<ItemRecord> {
  const program = settingProgram(plan, settingFactors(plan.varied.length, base.seed));
  const rendered = await renderCode(ctx, unit.language, program.code, {
    size: unit.config.renderSize,
    seed: base.seed,
  });
  return {
    sample: { ...base, status: 'done', args: program.args, code: program.code },
    generation: answer.generation,
    render: rendered.render,
  };
}

/** A setting of an answer that draws nothing: the model did not answer, or its function cannot be varied. */
function failedItem(
  base: NewSample,
  answer: Answer,
  planned: (Parametrized & { readonly code: string | null }) | null,
): ItemRecord {
  const sample: NewSample =
    planned === null
      ? { ...base, status: failedStatus(answer), errorText: answer.generation.errorText }
      : {
          ...base,
          status: 'param_error',
          code: planned.code,
          errorText: planned.kind === 'error' ? planned.message : null,
        };
  return { sample, generation: answer.generation };
}

async function executeAnswer(unit: DrawUnit, ctx: ExperimentContext, model: LaneModel, answer: Answer) {
  const settings = unit.config.settings;
  const pending = Array.from({ length: settings }, (_, k) => k).filter(
    (k) => !ctx.isDone(paramKey(unit, model.label, answer.repeat * settings + k)),
  );
  if (pending.length === 0) return;
  const baseOf = (k: number): NewSample => ({
    runId: ctx.runId,
    datasetId: unit.datasetId,
    conceptIdx: unit.conceptIdx,
    model: model.label,
    language: unit.language,
    strategy: 'param',
    sampleIndex: answer.repeat * settings + k,
    round: 0,
    seed: deriveSeed(answer.seed, k),
    status: 'done',
  });
  const planned = answer.text === null ? null : planOf(unit, answer.text);
  if (planned?.kind !== 'plan') {
    ctx.commit(pending.map((k) => failedItem(baseOf(k), answer, planned)));
    return;
  }
  await Promise.all(
    pending.map(async (k) => {
      ctx.commit([await settingItem(unit, ctx, baseOf(k), answer, planned.plan)]);
    }),
  );
}

/**
 * Executes a draw unit with the parametrized-function strategy: asks for `config.samples`
 * functions, extracts each function and its parameters, renders `config.settings` seeded argument
 * settings of each, and commits one sample per setting.
 */
export async function executeParamUnit(unit: DrawUnit, ctx: ExperimentContext): Promise<void> {
  const { config } = unit;
  const template = ctx.template('draw-function', functionTemplate(ctx, config.template));
  const prompt = renderTemplate(template, {
    language: PROMPT_LANGUAGE_NAMES[unit.language] ?? unit.language,
    concept: unit.text,
    // Version 1 asks for a call "with these arguments"; the strategy varies them itself.
    arguments: 'its default values',
  });
  const model = await ctx.model(unit.model);
  const answers = await sampleAnswers(ctx, {
    model,
    prompt,
    sampling: config.sampling,
    seed: unitSeed(config.seed, unit.conceptKey, unit.language),
    n: config.samples,
  });
  await Promise.all(answers.map((answer) => executeAnswer(unit, ctx, model, answer)));
}
