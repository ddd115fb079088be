/**
 * CSV and TSV tables (RFC 4180 quoting): one concept per record, with a chosen text column and
 * optional category, key and attribute columns.
 */
import type { ConceptAttributeValue, ImportSummary } from '../concept-item.js';
import { ConceptCollector, normaliseConceptText } from '../concept-item.js';
import type { ColumnRef, ResolvedColumns } from './csv-columns.js';
import { columnName, resolveColumn } from './csv-columns.js';
import type { CsvRecord } from './csv-records.js';
import { csvRecords } from './csv-records.js';
import { checkCategory, defaultTextField } from './fields.js';
import { ImportError, quoteFound } from './import-error.js';
import { summarise } from './import-summary.js';
import { TextFile } from './text-file.js';

/** Options of a CSV/TSV import. */
export interface CsvOptions {
  /** One character; default tab for `.tsv`/`.tab` files, comma otherwise. */
  readonly delimiter?: string;
  /** Whether the first record names the columns; default true. */
  readonly header?: boolean;
  /** The concept column; default the first header named text, concept, caption, name, description or label, else column 1. */
  readonly textColumn?: ColumnRef;
  /** A column holding each item's category (empty cells fall back to `category`). */
  readonly categoryColumn?: ColumnRef;
  /** A column holding each item's stable key (non-empty, unique); default `line:<n>`. */
  readonly keyColumn?: ColumnRef;
  /** Columns kept as string attributes; default every other column when there is a header, none without. */
  readonly attributeColumns?: readonly ColumnRef[];
  /** Default category; default `custom`. */
  readonly category?: string;
}

/** Imports a CSV or TSV file; every record must have as many fields as the first one. */
export async function importCsv(file: string, options: CsvOptions = {}): Promise<ImportSummary> {
  const delimiter = options.delimiter ?? (/\.(tsv|tab)$/i.test(file) ? '\t' : ',');
  if ([...delimiter].length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(
      `delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
    );
  }
  const hasHeader = options.header ?? true;
  const category = checkCategory(options.category ?? 'custom');
  const text = new TextFile(file);
  const collector = new ConceptCollector();
  const keys = new Set<string>();
  let columns: ResolvedColumns | undefined;
  let header: readonly string[] | undefined;
  let width = 0;
  for await (const record of csvRecords(text.chunks(), file, delimiter)) {
    if (!columns) {
      width = record.fields.length;
      header = hasHeader ? record.fields.map((name) => name.trim()) : undefined;
      columns = resolveColumns(options, { file, header, width, line: record.line });
      if (hasHeader) continue;
    }
    if (record.fields.length !== width) {
      const why = hasHeader ? 'as in the header' : 'as in the first row';
      throw new ImportError({
        file,
        line: record.line,
        expected: `${width} fields (${why})`,
        found: `${record.fields.length}`,
      });
    }
    const key = recordKey(file, record, columns, keys);
    collector.offer({ key, ...recordContent(record, columns, category) });
  }
  const used = { delimiter, header: hasHeader, category, columns: describeColumns(columns, header) };
  return summarise('csv', text, used, collector);
}

function resolveColumns(options: CsvOptions, context: Parameters<typeof resolveColumn>[1]): ResolvedColumns {
  const text = resolveColumn(
    options.textColumn ?? (context.header && defaultTextField(context.header)) ?? 1,
    context,
    'a text',
  );
  const optional = (ref: ColumnRef | undefined, role: string): number | undefined =>
    ref === undefined ? undefined : resolveColumn(ref, context, role);
  const categoryIndex = optional(options.categoryColumn, 'a category');
  const keyIndex = optional(options.keyColumn, 'a key');
  const taken = new Set([text, categoryIndex, keyIndex]);
  const refs = options.attributeColumns;
  const indexes = refs
    ? refs.map((ref) => resolveColumn(ref, context, 'an attribute'))
    : context.header
      ? context.header.map((_, index) => index).filter((index) => !taken.has(index))
      : [];
  const attributes = indexes.map((index) => ({ index, name: columnName(index, context.header) }));
  return { text, category: categoryIndex, key: keyIndex, attributes };
}

function recordKey(file: string, record: CsvRecord, columns: ResolvedColumns, keys: Set<string>): string {
  if (columns.key === undefined) return `line:${record.line}`;
  const key = (record.fields[columns.key] ?? '').trim();
  if (key === '' || keys.has(key)) {
    const expected = 'a unique, non-empty key';
    throw new ImportError({
      file,
      line: record.line,
      expected,
      found: key === '' ? 'an empty key' : `the repeated key ${quoteFound(key)}`,
    });
  }
  keys.add(key);
  return key;
}

function recordContent(
  record: CsvRecord,
  columns: ResolvedColumns,
  category: string,
): { text: string; category: string; attributes: Record<string, ConceptAttributeValue> } {
  const field = (index: number): string => record.fields[index] ?? '';
  const ownCategory = columns.category === undefined ? '' : normaliseConceptText(field(columns.category));
  const attributes = Object.fromEntries(columns.attributes.map(({ index, name }) => [name, field(index)]));
  return { text: normaliseConceptText(field(columns.text)), category: ownCategory || category, attributes };
}

function describeColumns(
  columns: ResolvedColumns | undefined,
  header: readonly string[] | undefined,
): Record<string, unknown> {
  if (!columns) return {};
  const name = (index: number | undefined): string | undefined =>
    index === undefined ? undefined : columnName(index, header);
  return {
    text: name(columns.text),
    ...(columns.category === undefined ? {} : { category: name(columns.category) }),
    ...(columns.key === undefined ? {} : { key: name(columns.key) }),
    attributes: columns.attributes.map((a) => a.name),
  };
}
