/**
 * Executing one trajectory. Round 0 copies the source drawing (its code and latest render, the
 * same image) with the source sample as parent; round r ≥ 1 asks the model to improve the code
 * the trajectory has so far and commits the answer, its render and the extracted code as soon as
 * it is rendered, parented to round r − 1. Rounds an earlier attempt committed are read back (id,
 * code, render), so a stopped run resumes at its next round.
 *
 * With `critique`, a round is two calls when the rewrite template asks for a `{critique}`
 * (correct-critique@2): the critique first, then the rewrite shown that critique; the round's
 * sample keeps both generations (critique first).
 *
 * An answer without code leaves the trajectory's code as it was: the next round is shown the last
 * code that existed (and, with feedback, that code's render). A failed model call ends the
 * trajectory for this attempt: that round and every later one are committed as `llm_error`, which
 * the engine deletes and redoes from that round when the run resumes; a rejected prompt (too long
 * for the context) ends it for good, the rounds committed as `rejected`.
 */
import { createHash } from 'node:crypto';
import { templateVariables } from '../../llm/templates/prompt-template.js';
import type { NewSample } from '../../store/repos/samples-repo.js';
import type { ExperimentContext, LaneModel } from '../experiment.js';
import { failedStatus, sampleAnswers, type Answer } from '../llm-call.js';
import { renderAnswer } from '../render-call.js';
import { correctionPrompt, type ShownRender } from './correct-prompt.js';
import { roundKey, roundKeyFields, type CorrectUnit } from './correct-unit.js';

/** Where a trajectory stands after a round. */
interface Trajectory {
  /** The sample id of the last round (the next round's parent). */
  readonly previousId: number;
  /** The last code that existed and how it rendered. */
  readonly code: string;
  readonly render: ShownRender | null;
  /** The error of a failed round, when the trajectory failed. */
  readonly failure: string | null;
  /** How it failed: `rejected` (final) or `llm_error` (asked again on resume). */
  readonly failedAs?: 'llm_error' | 'rejected';
}

/**
 * The base seed of round `round` of a trajectory: the first 4 bytes of
 * sha256("vcheck-correct:<seed>:<sampleIndex>:<label>:<round>"), masked to 31 bits.
 */
export function correctionSeed(seed: number, sampleIndex: number, label: string, round: number): number {
  const digest = createHash('sha256')
    .update(`vcheck-correct:${seed}:${sampleIndex}:${label}:${round}`)
    .digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

function sampleOf(
  unit: CorrectUnit,
  ctx: ExperimentContext,
  round: number,
  rest: Partial<NewSample>,
): NewSample {
  const fields = roundKeyFields(unit, round);
  return { ...fields, runId: ctx.runId, datasetId: unit.source.datasetId, seed: 0, status: 'done', ...rest };
}

interface CommittedRow {
  status: string;
  code: string | null;
  error_text: string | null;
  render_status: string | null;
  render_error: string | null;
}

/** A committed round read back from the store; `at` is the trajectory before it (null for round 0). */
function readBack(
  ctx: ExperimentContext,
  unit: CorrectUnit,
  round: number,
  at: Trajectory | null,
): Trajectory {
  const id = ctx.store.samples.idOf(ctx.runId, roundKeyFields(unit, round));
  const row =
    id === null
      ? undefined
      : (ctx.store.db
          .prepare(
            `SELECT s.status, s.code, s.error_text, d.status AS render_status, d.error_text AS render_error
             FROM samples s LEFT JOIN renders d ON d.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)
             WHERE s.id = ?`,
          )
          .get(id) as CommittedRow | undefined);
  if (id === null || !row) throw new Error(`round ${round} of ${unit.key} is done but not in the store`);
  const render = row.render_status === null ? null : { status: row.render_status, error: row.render_error };
  const before = at ?? { previousId: id, code: unit.source.code, render, failure: null };
  if (row.status === 'llm_error' || row.status === 'rejected')
    return {
      ...before,
      previousId: id,
      failure: row.error_text ?? 'model call failed',
      failedAs: row.status,
    };
  if (row.code === null) return { ...before, previousId: id };
  return { previousId: id, code: row.code, render, failure: null };
}

function startRound(ctx: ExperimentContext, unit: CorrectUnit): Trajectory {
  const { source } = unit;
  const [id] = ctx.commit([
    {
      sample: sampleOf(unit, ctx, 0, {
        seed: source.seed,
        parentSampleId: source.sampleId,
        code: source.code,
      }),
      ...(source.render ? { render: source.render } : {}),
    },
  ]);
  const render = source.render ? { status: source.render.status, error: source.render.errorText } : null;
  return { previousId: id!, code: source.code, render, failure: null };
}

/**
 * The critique call of the two-call critique mode (when the rewrite template asks for a
 * `{critique}`): the model lists what is wrong first; the render feedback, when on, goes here.
 */
async function askCritique(
  ctx: ExperimentContext,
  unit: CorrectUnit,
  model: LaneModel,
  at: Trajectory,
  round: number,
): Promise<Answer | null> {
  const { config, source } = unit;
  const prompt = correctionPrompt(ctx.template('critique'), {
    language: source.language,
    concept: source.text,
    code: at.code,
    ...(config.feedbackErrors ? { feedback: { render: at.render } } : {}),
  });
  const seed = correctionSeed(config.seed, unit.sampleIndex, `${unit.label}#critique`, round);
  const [answer] = await sampleAnswers(ctx, { model, prompt, sampling: config.sampling, seed, n: 1 });
  return answer ?? null;
}

function failRound(
  ctx: ExperimentContext,
  unit: CorrectUnit,
  at: Trajectory,
  round: number,
  calls: { readonly seed: number; readonly answers: ReadonlyArray<Answer | null> },
): Trajectory {
  const answers = calls.answers.filter((a): a is Answer => a !== null);
  const failing = answers.find((a) => a.text === null);
  const error = failing?.generation.errorText ?? 'no answer';
  const failedAs = failing ? failedStatus(failing) : 'llm_error';
  const sample = sampleOf(unit, ctx, round, {
    seed: answers.at(-1)?.seed ?? calls.seed,
    status: failedAs,
    parentSampleId: at.previousId,
    errorText: error,
  });
  const generations = answers.map((a) => a.generation);
  const last = generations.pop();
  const [id] = ctx.commit([
    { sample, earlierGenerations: generations, ...(last ? { generation: last } : {}) },
  ]);
  return { ...at, previousId: id!, failure: error, failedAs };
}

async function askRound(
  ctx: ExperimentContext,
  unit: CorrectUnit,
  model: LaneModel,
  at: Trajectory,
  round: number,
): Promise<Trajectory> {
  const { config, source } = unit;
  const template = ctx.template(config.critique ? 'correct-critique' : 'correct', config.template);
  const seed = correctionSeed(config.seed, unit.sampleIndex, unit.label, round);
  // Two calls when the rewrite template builds on a critique (correct-critique@2 and later).
  const critique = templateVariables(template).includes('critique')
    ? await askCritique(ctx, unit, model, at, round)
    : undefined;
  if (critique !== undefined && (critique === null || critique.text === null))
    return failRound(ctx, unit, at, round, { seed, answers: [critique] });
  const prompt = correctionPrompt(template, {
    language: source.language,
    concept: source.text,
    code: at.code,
    ...(critique ? { critique: critique.text! } : {}),
    ...(config.feedbackErrors && !critique ? { feedback: { render: at.render } } : {}),
  });
  const [answer] = await sampleAnswers(ctx, { model, prompt, sampling: config.sampling, seed, n: 1 });
  if (!answer || answer.text === null)
    return failRound(ctx, unit, at, round, { seed, answers: [critique ?? null, answer ?? null] });
  const rendered = await renderAnswer(ctx, source.language, answer.text, {
    size: config.renderSize,
    seed: answer.seed,
  });
  const sample = sampleOf(unit, ctx, round, {
    seed: answer.seed,
    parentSampleId: at.previousId,
    code: rendered.code,
  });
  const earlierGenerations = critique ? [critique.generation] : [];
  const [id] = ctx.commit([
    { sample, earlierGenerations, generation: answer.generation, render: rendered.render },
  ]);
  if (rendered.code === null) return { ...at, previousId: id! };
  const render = { status: rendered.outcome.status, error: rendered.outcome.error ?? null };
  return { previousId: id!, code: rendered.code, render, failure: null };
}

/** Commits the rounds after a failed one as `llm_error`, so the engine redoes them all on resume. */
function failRest(ctx: ExperimentContext, unit: CorrectUnit, at: Trajectory, from: number): void {
  for (let round = from; round <= unit.config.rounds; round++) {
    if (ctx.isDone(roundKey(unit, round))) continue;
    const status = at.failedAs ?? 'llm_error';
    const how = status === 'rejected' ? 'was rejected' : 'failed';
    const errorText = `not asked: an earlier round ${how} (${at.failure})`;
    const seed = correctionSeed(unit.config.seed, unit.sampleIndex, unit.label, round);
    ctx.commit([{ sample: sampleOf(unit, ctx, round, { seed, status, errorText }) }]);
  }
}

/** Runs (or resumes) one trajectory to its last round. */
export async function executeCorrection(unit: CorrectUnit, ctx: ExperimentContext): Promise<void> {
  let at = ctx.isDone(roundKey(unit, 0)) ? readBack(ctx, unit, 0, null) : startRound(ctx, unit);
  const model = await ctx.model(unit.model);
  for (let round = 1; round <= unit.config.rounds; round++) {
    if (at.failure !== null) return failRest(ctx, unit, at, round);
    at = ctx.isDone(roundKey(unit, round))
      ? readBack(ctx, unit, round, at)
      : await askRound(ctx, unit, model, at, round);
  }
}
