/** Reads the batch JSONL input: one `{ "id", "language", "response" }` per line. */
import { readFileSync } from 'node:fs';
import { RENDER_LANGUAGES, type RenderLanguage } from '../types.js';

/** One line of the input, valid or not (an invalid line is still reported). */
export type BatchLine =
  | {
      readonly valid: true;
      readonly key: string;
      readonly id: string;
      readonly language: RenderLanguage;
      readonly response: string;
    }
  | {
      readonly valid: false;
      readonly key: string;
      readonly id: string;
      readonly language: string;
      readonly error: string;
    };

function field(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function parseLine(text: string, index: number): BatchLine {
  const key = `line-${index + 1}`;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { valid: false, key, id: key, language: '', error: `line ${index + 1}: not JSON` };
  }
  const id = field(value?.['id']) ?? key;
  const language = field(value?.['language']) ?? '';
  const response = field(value?.['response']);
  if (!(RENDER_LANGUAGES as readonly string[]).includes(language))
    return { valid: false, key, id, language, error: `line ${index + 1}: unknown language "${language}"` };
  if (response === undefined)
    return { valid: false, key, id, language, error: `line ${index + 1}: no "response"` };
  return { valid: true, key, id, language: language as RenderLanguage, response };
}

/** The non-empty lines of `file`, parsed. */
export function readBatchInput(file: string): readonly BatchLine[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, index) => ({ text, index }))
    .filter((line) => line.text.trim().length > 0)
    .map((line) => parseLine(line.text, line.index));
}

/** A file name for an id: safe characters only, never a path. */
export function imageFileName(id: string): string {
  const safe = id
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 150);
  return `${safe || 'item'}.png`;
}
