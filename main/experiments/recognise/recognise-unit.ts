/**
 * One unit of a recognise run: one input shown to one model, asked free-form and/or as multiple
 * choice. Each mode is one sample (strategy `recognise-free` / `recognise-choice`, sample index 0,
 * round 0) with its generation and recognition row; both are committed together. A failed call
 * commits an `llm_error` sample (redone when the run resumes); there are no renders: the model
 * reads the code, nothing is drawn.
 */
import type { ModelSpec, RecogniseConfig } from '../../../shared/experiments.js';
import { matchFreeForm } from '../../metrics/recognition/scoring.js';
import { renderTemplate, formatCandidates } from '../../llm/templates/prompt-template.js';
import { PROMPT_LANGUAGE_NAMES } from '../../llm/templates/builtin-templates.js';
import type { ItemRecord, NewRecognition } from '../../store/repos/samples-repo.js';
import type { ExperimentContext, WorkUnit } from '../experiment.js';
import { failedStatus, sampleAnswers } from '../llm-call.js';
import { parseChoice } from './choice-answer.js';
import type { RecognitionInput } from './inputs.js';
import { templateFor, type RecognitionMode } from './recognise-templates.js';

/** The strategy a mode's samples are stored under. */
export const STRATEGY_OF_MODE: Readonly<Record<RecognitionMode, string>> = {
  free: 'recognise-free',
  choice: 'recognise-choice',
};

/** One input × one model. */
export interface RecogniseUnit extends WorkUnit {
  /** The input's position in the plan: its samples' `concept_idx`. */
  readonly position: number;
  readonly input: RecognitionInput;
  /** The multiple-choice options, in the order shown (same for every model). */
  readonly candidates: ReadonlyArray<string>;
  readonly model: ModelSpec;
  readonly modes: ReadonlyArray<RecognitionMode>;
  /** Base seed of the input's calls (each sample records the seed it was asked with). */
  readonly seed: number;
  readonly config: RecogniseConfig;
}

/** How an answer scored in a mode (all null when there is no answer). */
function judged(mode: RecognitionMode, answer: string | null, unit: RecogniseUnit) {
  if (answer === null) return { chosen: null, correct: null, match: null };
  if (mode === 'free') {
    const match = matchFreeForm(answer, unit.input.truth);
    return { chosen: null, correct: match !== 'none', match };
  }
  const chosen = parseChoice(answer, unit.candidates);
  return { chosen, correct: chosen === unit.input.truth, match: null };
}

async function recogniseIn(
  mode: RecognitionMode,
  unit: RecogniseUnit,
  ctx: ExperimentContext,
): Promise<ItemRecord> {
  const { input } = unit;
  const model = await ctx.model(unit.model);
  const prompt = renderTemplate(templateFor(ctx, unit.config, mode), {
    code: input.code,
    language: PROMPT_LANGUAGE_NAMES[input.language] ?? input.language,
    ...(mode === 'choice' ? { candidates: formatCandidates([...unit.candidates]) } : {}),
  });
  const [answer] = await sampleAnswers(ctx, {
    model,
    prompt,
    sampling: unit.config.sampling,
    seed: unit.seed,
    n: 1,
  });
  const recognition: NewRecognition = {
    mode,
    inputKind: input.kind,
    inputRef: input.ref,
    code: input.code,
    truth: input.truth,
    candidates: mode === 'choice' ? unit.candidates : null,
    answer: answer!.text,
    ...judged(mode, answer!.text, unit),
  };
  return {
    sample: {
      runId: ctx.runId,
      // The samples' concept_idx is a plan position, not an index into a dataset version.
      datasetId: null,
      conceptIdx: unit.position,
      model: model.label,
      language: input.language,
      strategy: STRATEGY_OF_MODE[mode],
      sampleIndex: 0,
      round: 0,
      seed: answer!.seed,
      status: answer!.text === null ? failedStatus(answer!) : 'done',
      parentSampleId: input.parentSampleId,
      code: input.code,
      errorText: answer!.generation.errorText,
    },
    generation: answer!.generation,
    recognition,
  };
}

/** Asks every mode of the unit not yet done and commits the samples in one transaction. */
export async function executeRecognise(unit: RecogniseUnit, ctx: ExperimentContext): Promise<void> {
  const pending = unit.modes.filter((_, i) => !ctx.isDone(unit.sampleKeys[i]!));
  if (pending.length === 0) return;
  const items = await Promise.all(pending.map((mode) => recogniseIn(mode, unit, ctx)));
  ctx.commit(items);
}
