/** The templates a user can choose from: the built-ins plus their own, stored in SQLite. */
import type { PromptTemplatesRepo } from '../../store/repos/prompt-templates-repo.js';
import type { ChatRole } from '../types.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';
import {
  renderTemplate,
  TEMPLATE_TASKS,
  TemplateError,
  templateVariables,
  type PromptTemplate,
  type TemplateMessage,
  type TemplateTask,
} from './prompt-template.js';

/** A template as a user submits it; the library assigns the version. */
export interface TemplateDraft {
  readonly id: string;
  readonly task: TemplateTask;
  readonly description?: string;
  readonly messages: readonly TemplateMessage[];
}

const ROLES: readonly ChatRole[] = ['system', 'user', 'assistant'];

function validate(draft: TemplateDraft): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(draft.id)) {
    throw new TemplateError('A template id is 1-64 lowercase letters, digits and dashes.');
  }
  if (!TEMPLATE_TASKS.includes(draft.task)) throw new TemplateError(`Unknown task ${draft.task}.`);
  if (draft.messages.length === 0 || draft.messages.at(-1)?.role !== 'user') {
    throw new TemplateError('A template needs messages, the last one from the user.');
  }
  if (draft.messages.some((m) => !ROLES.includes(m.role)))
    throw new TemplateError('Roles are system, user or assistant.');
  // Rendering with every variable set proves the placeholders and modifiers are valid.
  const values = Object.fromEntries(templateVariables(draft).map((v) => [v, 'x']));
  renderTemplate({ ...draft, version: 0, description: '', origin: 'user' }, values);
}

/** Built-in and user templates, versioned. */
export class TemplateLibrary {
  /** Creates the library over the store's template table. */
  constructor(
    private readonly repo: PromptTemplatesRepo,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Every version of every template, built-ins first. */
  list(): readonly PromptTemplate[] {
    const stored = this.repo.list().map((r): PromptTemplate => ({
      id: r.id,
      version: r.version,
      task: r.task as TemplateTask,
      description: r.description,
      messages: JSON.parse(r.messagesJson) as TemplateMessage[],
      origin: 'user',
    }));
    return [...BUILTIN_TEMPLATES, ...stored];
  }

  /** A template version; the latest when `version` is omitted. */
  get(id: string, version?: number): PromptTemplate {
    const matches = this.list().filter(
      (t) => t.id === id && (version === undefined || t.version === version),
    );
    const found = matches.sort((a, b) => b.version - a.version)[0];
    if (!found) throw new TemplateError(`No template ${id}${version === undefined ? '' : `@${version}`}.`);
    return found;
  }

  /** Saves a draft as the next version of its id (editing a built-in makes version 2 of it). */
  save(draft: TemplateDraft): PromptTemplate {
    validate(draft);
    const builtin = BUILTIN_TEMPLATES.filter((t) => t.id === draft.id).map((t) => t.version);
    const version = Math.max(0, ...builtin, this.repo.latestVersion(draft.id)) + 1;
    const messages = draft.messages.map((m) => ({ role: m.role, content: m.content }));
    this.repo.insert({
      id: draft.id,
      version,
      task: draft.task,
      description: draft.description ?? '',
      messagesJson: JSON.stringify(messages),
      createdAt: this.now(),
    });
    return {
      id: draft.id,
      version,
      task: draft.task,
      description: draft.description ?? '',
      messages,
      origin: 'user',
    };
  }
}
