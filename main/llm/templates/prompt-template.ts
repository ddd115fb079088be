/**
 * Prompt templates are data: an id, a version, the task they serve, and chat messages with
 * `{placeholders}`. `{concept|a}` inserts the concept as the object of "draws" (see concept-phrase).
 * `{{` and `}}` are literal braces. Values are inserted verbatim and never re-read as templates.
 */
import type { TemplateTask } from '../../../shared/llm.js';
import type { ChatMessage, ChatRole } from '../types.js';
import { conceptPhrase } from './concept-phrase.js';

/** What a template asks the model to do (the list lives in shared/ for the contract). */
export { TEMPLATE_TASKS, type TemplateTask } from '../../../shared/llm.js';

/** A message of a template, with placeholders. */
export interface TemplateMessage {
  readonly role: ChatRole;
  readonly content: string;
}

/** One version of a prompt template. */
export interface PromptTemplate {
  readonly id: string;
  readonly version: number;
  readonly task: TemplateTask;
  readonly description: string;
  readonly messages: readonly TemplateMessage[];
  /** Built into the app (read-only) or added by the user (stored in SQLite). */
  readonly origin: 'builtin' | 'user';
}

/** A rendered prompt, with the template version a run records. */
export interface RenderedPrompt {
  readonly templateId: string;
  readonly templateVersion: number;
  readonly messages: readonly ChatMessage[];
}

/** A template that cannot be rendered (unknown modifier, missing value). */
export class TemplateError extends Error {}

const PLACEHOLDER = /\{\{|\}\}|\{([a-z_]+)(?:\|([a-z]+))?\}/g;

function fill(text: string, values: Readonly<Record<string, string>>, templateId: string): string {
  return text.replace(PLACEHOLDER, (match, name: string | undefined, modifier: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = name === undefined ? undefined : values[name];
    if (value === undefined) throw new TemplateError(`Template ${templateId} needs a value for {${name}}.`);
    if (modifier === undefined) return value;
    if (modifier === 'a') return conceptPhrase(value);
    throw new TemplateError(`Template ${templateId}: unknown modifier |${modifier}.`);
  });
}

/** The placeholder names a template uses. */
export function templateVariables(template: Pick<PromptTemplate, 'messages'>): readonly string[] {
  const names = new Set<string>();
  for (const m of template.messages)
    for (const match of m.content.matchAll(PLACEHOLDER)) if (match[1]) names.add(match[1]);
  return [...names];
}

/** Renders a template with `values`; every placeholder must have a value. */
export function renderTemplate(
  template: PromptTemplate,
  values: Readonly<Record<string, string>>,
): RenderedPrompt {
  return {
    templateId: template.id,
    templateVersion: template.version,
    messages: template.messages.map((m) => ({
      role: m.role,
      content: fill(m.content, values, `${template.id}@${template.version}`),
    })),
  };
}

/** Candidates of a multiple-choice question, one per line, numbered from 1. */
export function formatCandidates(candidates: readonly string[]): string {
  return candidates.map((c, i) => `${i + 1}. ${c}`).join('\n');
}
