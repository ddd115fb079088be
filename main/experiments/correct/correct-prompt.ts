/**
 * The prompt of one self-correction round: the `correct` (or `correct-critique`) template filled
 * with the drawing prompt's language and concept and the code the round improves; with
 * `feedbackErrors`, a sentence about how that code rendered is appended to the last user message.
 */
import { PROMPT_LANGUAGE_NAMES } from '../../llm/templates/builtin-templates.js';
import {
  renderTemplate,
  type PromptTemplate,
  type RenderedPrompt,
} from '../../llm/templates/prompt-template.js';

/** Longest render error quoted back to the model (longer ones are cut, with a marker). */
export const FEEDBACK_ERROR_CHARS = 2000;

/** How the shown code rendered: its latest render, or null when it has none. */
export interface ShownRender {
  readonly status: string;
  readonly error: string | null;
}

/**
 * The feedback sentence, exactly:
 * - rendered: `When your code was run, it rendered an image without errors (status: ok).`
 * - failed: `When your code was run, it did not render an image (status: <status>). The error was:\n<error>`
 *   (the error cut at {@link FEEDBACK_ERROR_CHARS} characters, then `…`; without an error the
 *   sentence stops after the status);
 * - never rendered: `Your code has not been run.`
 */
export function renderFeedback(render: ShownRender | null): string {
  if (render === null) return 'Your code has not been run.';
  if (render.status === 'ok')
    return 'When your code was run, it rendered an image without errors (status: ok).';
  const head = `When your code was run, it did not render an image (status: ${render.status}).`;
  const error = render.error?.trim();
  if (!error) return head;
  const cut = error.length > FEEDBACK_ERROR_CHARS ? `${error.slice(0, FEEDBACK_ERROR_CHARS)}…` : error;
  return `${head} The error was:\n${cut}`;
}

/** What a round's prompt is made of. */
export interface CorrectionPromptInput {
  readonly language: string;
  readonly concept: string;
  /** The code the round asks to improve (the last code the trajectory has). */
  readonly code: string;
  /** Set when `feedbackErrors` is on: the render of `code`. */
  readonly feedback?: { readonly render: ShownRender | null };
  /** The model's own critique (the rewrite call of the two-call critique mode). */
  readonly critique?: string;
}

/** The round's messages; the feedback goes after the template's last user message, one blank line apart. */
export function correctionPrompt(template: PromptTemplate, input: CorrectionPromptInput): RenderedPrompt {
  const prompt = renderTemplate(template, {
    language: PROMPT_LANGUAGE_NAMES[input.language] ?? input.language,
    concept: input.concept,
    code: input.code,
    ...(input.critique === undefined ? {} : { critique: input.critique }),
  });
  if (!input.feedback) return prompt;
  const last = prompt.messages.findLastIndex((m) => m.role === 'user');
  const sentence = renderFeedback(input.feedback.render);
  return {
    ...prompt,
    messages: prompt.messages.map((m, i) =>
      i === last ? { ...m, content: `${m.content}\n\n${sentence}` } : m,
    ),
  };
}
