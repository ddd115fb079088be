/** Helpers shared by the tabular importers (CSV/TSV, JSONL): default fields, attribute values. */
import type { ConceptAttributeValue } from '../concept-item.js';
import { normaliseConceptText } from '../concept-item.js';

/** Field or column names taken as the concept text when none is chosen, in order of preference. */
export const DEFAULT_TEXT_FIELDS: readonly string[] = [
  'text',
  'concept',
  'caption',
  'name',
  'description',
  'label',
];

/** The first of {@link DEFAULT_TEXT_FIELDS} among `names` (case-insensitive), or undefined. */
export function defaultTextField(names: readonly string[]): string | undefined {
  for (const wanted of DEFAULT_TEXT_FIELDS) {
    const found = names.find((name) => name.trim().toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Checks a category given as an option: normalised and not empty. */
export function checkCategory(category: string): string {
  const normalised = normaliseConceptText(category);
  if (normalised === '') throw new RangeError('category must not be empty');
  return normalised;
}

/**
 * A JSON field as an attribute value: strings, numbers and booleans as they are, arrays of strings
 * as they are, null dropped (undefined), anything else (objects, mixed arrays) as its JSON text.
 */
export function attributeValue(value: unknown): ConceptAttributeValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return JSON.stringify(value);
}
