/** Persistence of user prompt templates: append-only versions (an edit is a new version). */
import type { Database } from 'better-sqlite3';

/** A stored template version; messages are kept as JSON for the llm module to interpret. */
export interface PromptTemplateRow {
  readonly id: string;
  readonly version: number;
  readonly task: string;
  readonly description: string;
  readonly messagesJson: string;
  readonly createdAt: string;
}

interface Row {
  id: string;
  version: number;
  task: string;
  description: string;
  messages_json: string;
  created_at: string;
}

const toRow = (r: Row): PromptTemplateRow => ({
  id: r.id,
  version: r.version,
  task: r.task,
  description: r.description,
  messagesJson: r.messages_json,
  createdAt: r.created_at,
});

/** Prompt templates repository. */
export class PromptTemplatesRepo {
  /** Creates the repository on an open connection. */
  constructor(private readonly db: Database) {}

  /** Every stored version, by id then version. */
  list(): readonly PromptTemplateRow[] {
    return (this.db.prepare('SELECT * FROM prompt_templates ORDER BY id, version').all() as Row[]).map(toRow);
  }

  /** The highest stored version of `id`, or 0. */
  latestVersion(id: string): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM prompt_templates WHERE id = ?').get(id) as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  /** Stores a new version; the primary key refuses to overwrite one. */
  insert(row: PromptTemplateRow): void {
    this.db
      .prepare(
        `INSERT INTO prompt_templates (id, version, task, description, messages_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.version, row.task, row.description, row.messagesJson, row.createdAt);
  }
}
