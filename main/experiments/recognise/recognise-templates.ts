/**
 * The prompts of a recognise run. A run names at most one template (`config.template`); it replaces
 * the built-in of the task it serves (free-form or multiple choice) and the other mode keeps its
 * built-in. A template may say only {code}, {language} and, for multiple choice, {candidates} — it
 * must never be given the concept it asks for.
 */
import type { RecogniseConfig } from '../../../shared/experiments.js';
import { AppFailure } from '../../../shared/result.js';
import { templateVariables, type PromptTemplate } from '../../llm/templates/prompt-template.js';
import type { ExperimentContext } from '../experiment.js';

/** A way of asking: free-form or multiple choice. */
export type RecognitionMode = 'free' | 'choice';

/** The modes of a config's `mode`, in the order their samples are planned. */
export function modesOf(config: RecogniseConfig): ReadonlyArray<RecognitionMode> {
  return config.mode === 'both' ? ['free', 'choice'] : [config.mode];
}

const TASK_OF_MODE = { free: 'recognise-free', choice: 'recognise-choice' } as const;

/** The template a mode asks with (recorded in the run's versions by `ctx.template`). */
export function templateFor(
  ctx: ExperimentContext,
  config: RecogniseConfig,
  mode: RecognitionMode,
): PromptTemplate {
  const task = TASK_OF_MODE[mode];
  const ref = config.template;
  const own = ref && ctx.llm.templates.get(ref.id, ref.version).task === task;
  return own ? ctx.template(task, ref) : ctx.template(task);
}

/** Checks the run's templates before anything is asked: a clear error instead of n failed items. */
export function checkTemplates(ctx: ExperimentContext, config: RecogniseConfig): void {
  const ref = config.template;
  if (ref) {
    const task = ctx.llm.templates.get(ref.id, ref.version).task;
    if (task !== 'recognise-free' && task !== 'recognise-choice')
      throw new AppFailure('validation', `Template ${ref.id} is for ${task}, not for recognition.`);
  }
  for (const mode of modesOf(config)) {
    const template = templateFor(ctx, config, mode);
    const allowed = mode === 'choice' ? ['code', 'language', 'candidates'] : ['code', 'language'];
    const used = templateVariables(template);
    const extra = used.filter((name) => !allowed.includes(name));
    if (extra.length > 0)
      throw new AppFailure(
        'validation',
        `Template ${template.id}@${template.version} uses {${extra.join('}, {')}}: a recognition prompt may only use {${allowed.join('}, {')}}.`,
      );
    if (!used.includes('code') || (mode === 'choice' && !used.includes('candidates')))
      throw new AppFailure(
        'validation',
        `Template ${template.id}@${template.version} must show {code}${mode === 'choice' ? ' and {candidates}' : ''}.`,
      );
  }
}
