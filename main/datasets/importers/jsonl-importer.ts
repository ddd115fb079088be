/**
 * JSON Lines: one JSON object per line (or one JSON string, taken as the concept). A chosen field
 * is the text; an optional one the category; every other field becomes an attribute.
 */
import type { ConceptAttributeValue, ConceptItem, ImportSummary } from '../concept-item.js';
import { ConceptCollector, normaliseConceptText } from '../concept-item.js';
import { attributeValue, checkCategory, DEFAULT_TEXT_FIELDS, defaultTextField } from './fields.js';
import { describeJsonValue, ImportError, quoteFound } from './import-error.js';
import { summarise } from './import-summary.js';
import { parseJsonLocated } from './json-value-builder.js';
import { numberedLines } from './lines.js';
import { TextFile } from './text-file.js';

/** Options of a JSONL import. */
export interface JsonlOptions {
  /** The text field; default the first of text, concept, caption, name, description, label in the first record. */
  readonly textField?: string;
  /** A field holding each item's category (missing or empty falls back to `category`). */
  readonly categoryField?: string;
  /** A field holding each item's stable key (a non-empty string or an integer, unique); default `line:<n>`. */
  readonly keyField?: string;
  /** Default category; default `custom`. */
  readonly category?: string;
}

interface Fields {
  readonly text: string | undefined;
  readonly category: string | undefined;
  readonly key: string | undefined;
}

/** Imports a JSONL file; every non-blank line must be a JSON object (or string). */
export async function importJsonl(file: string, options: JsonlOptions = {}): Promise<ImportSummary> {
  const category = checkCategory(options.category ?? 'custom');
  const text = new TextFile(file);
  const collector = new ConceptCollector();
  const keys = new Set<string>();
  let fields: Fields | undefined;
  for await (const { text: raw, line } of numberedLines(text.chunks())) {
    if (raw.trim() === '') continue;
    const value = parseLine(raw, file, line);
    if (typeof value === 'string') {
      collector.offer({ key: `line:${line}`, text: normaliseConceptText(value), category, attributes: {} });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ImportError({
        file,
        line,
        expected: 'a JSON object (or a string) on each line',
        found: describeJsonValue(value),
      });
    }
    const record = value as Record<string, unknown>;
    fields ??= {
      text: options.textField ?? defaultTextField(Object.keys(record)),
      category: options.categoryField,
      key: options.keyField,
    };
    collector.offer(recordItem(record, fields, { file, line, category, keys }));
  }
  const used = {
    category,
    textField: fields?.text ?? options.textField,
    categoryField: options.categoryField,
    keyField: options.keyField,
  };
  return summarise('jsonl', text, used, collector);
}

/** JSON.parse for speed; on failure the locating parser says exactly where the line breaks. */
function parseLine(raw: string, file: string, line: number): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return parseJsonLocated(raw, file, line);
  }
}

interface RecordContext {
  readonly file: string;
  readonly line: number;
  readonly category: string;
  readonly keys: Set<string>;
}

function recordItem(record: Record<string, unknown>, fields: Fields, context: RecordContext): ConceptItem {
  const { file, line } = context;
  const textValue = fields.text === undefined ? undefined : record[fields.text];
  if (typeof textValue !== 'string') {
    const wanted = fields.text ? `"${fields.text}"` : DEFAULT_TEXT_FIELDS.map((f) => `"${f}"`).join(' or ');
    const names = Object.keys(record).map((name) => quoteFound(name));
    const found =
      textValue === undefined
        ? `an object with the fields ${names.join(', ') || '(none)'}`
        : describeJsonValue(textValue);
    throw new ImportError({ file, line, expected: `a string field ${wanted}`, found });
  }
  const ownCategory = fields.category ? record[fields.category] : undefined;
  const category =
    typeof ownCategory === 'string' && normaliseConceptText(ownCategory)
      ? normaliseConceptText(ownCategory)
      : context.category;
  const attributes: Array<[string, ConceptAttributeValue]> = [];
  for (const [name, value] of Object.entries(record)) {
    if (name === fields.text || name === fields.category || name === fields.key) continue;
    const attribute = attributeValue(value);
    if (attribute !== undefined) attributes.push([name, attribute]);
  }
  return {
    key: recordKey(record, fields, context),
    text: normaliseConceptText(textValue),
    category,
    attributes: Object.fromEntries(attributes),
  };
}

function recordKey(record: Record<string, unknown>, fields: Fields, context: RecordContext): string {
  if (fields.key === undefined) return `line:${context.line}`;
  const value = record[fields.key];
  const key = typeof value === 'string' ? value.trim() : Number.isSafeInteger(value) ? String(value) : '';
  if (key === '' || context.keys.has(key)) {
    const found = key === '' ? describeJsonValue(value) : `the repeated key ${quoteFound(key)}`;
    throw new ImportError({
      file: context.file,
      line: context.line,
      expected: `a unique key in "${fields.key}" (a non-empty string or an integer)`,
      found,
    });
  }
  context.keys.add(key);
  return key;
}
