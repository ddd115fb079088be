/** Plain text lists: one concept per line; blank lines and `#` comments are skipped. */
import type { ImportSummary } from '../concept-item.js';
import { ConceptCollector, normaliseConceptText } from '../concept-item.js';
import { summarise } from './import-summary.js';
import { numberedLines } from './lines.js';
import { checkCategory } from './fields.js';
import { TextFile } from './text-file.js';

/** Options of a plain-text import. */
export interface LinesOptions {
  /** Category of every item; default `custom`. */
  readonly category?: string;
}

/**
 * Imports one concept per line (normalised in `plain` mode, deduplicated). A line whose first
 * non-space character is `#` is a comment. Keys are `line:<n>`, the 1-based line number.
 */
export async function importLines(file: string, options: LinesOptions = {}): Promise<ImportSummary> {
  const category = checkCategory(options.category ?? 'custom');
  const text = new TextFile(file);
  const collector = new ConceptCollector();
  let read = 0;
  for await (const { text: raw, line } of numberedLines(text.chunks())) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    read += 1;
    collector.offer({ key: `line:${line}`, text: normaliseConceptText(raw), category, attributes: {} });
  }
  return summarise('lines', text, { category }, collector, read);
}
