/**
 * Reads the two ADE20K object tables into rows: `objectInfo150.csv` (`Idx,Ratio,Train,Val,Name`)
 * and a full-index name + count table (CSV/TSV with a header naming the two columns in any order,
 * or two whitespace-separated columns without a header, the count first or last).
 */
import type { CsvRecord } from './csv-records.js';
import { csvRecords } from './csv-records.js';
import { ImportError, quoteFound } from './import-error.js';
import { numberedLines } from './lines.js';
import { rejoinObjectInfoNames } from './ade20k-phrases.js';
import type { ObjectRow } from './object-merge.js';
import { splitSynonyms } from './object-merge.js';

/** The formats the ADE20K importer reads. */
export type Ade20kFormat =
  'objectInfo150' | 'objectInfo150-tsv' | 'name-count-csv' | 'name-count-tsv' | 'name-count-columns';

/** The columns objectInfo150 must have (others, such as `Stuff` in some copies, are ignored). */
const OBJECT_INFO_COLUMNS = ['Idx', 'Ratio', 'Train', 'Val', 'Name'] as const;
const NAME_HEADERS = [
  'name',
  'names',
  'object',
  'objects',
  'objectname',
  'objectnames',
  'object_name',
  'class',
  'label',
  'wordnet_name',
];
const COUNT_HEADERS = [
  'count',
  'counts',
  'instances',
  'instance_count',
  'frequency',
  'occurrences',
  'objectcounts',
  'n',
  'number',
  'total',
];
const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Decides the format from the first line of the file. */
export function detectAde20kFormat(firstLine: string): Ade20kFormat {
  const cells = (separator: string): string[] =>
    firstLine.split(separator).map((c) => c.trim().toLowerCase());
  // Idx and Name mark the file; missing statistics columns are reported by the reader.
  const isObjectInfo = (header: string[]): boolean => header.includes('idx') && header.includes('name');
  if (isObjectInfo(cells(','))) return 'objectInfo150';
  if (isObjectInfo(cells('\t'))) return 'objectInfo150-tsv';
  if (firstLine.includes('\t')) return 'name-count-tsv';
  if (firstLine.includes(',') && (hasHeader(cells(',')) || cells(',').some((c) => NUMBER.test(c))))
    return 'name-count-csv';
  return 'name-count-columns';
}

function hasHeader(cells: readonly string[]): boolean {
  return cells.some((c) => NAME_HEADERS.includes(c)) && cells.some((c) => COUNT_HEADERS.includes(c));
}

/** Parses a cell as a non-negative number, or throws naming the column. */
function numberCell(file: string, line: number, column: string, cell: string | undefined): number {
  const text = (cell ?? '').trim();
  if (NUMBER.test(text)) return Number(text);
  throw new ImportError({
    file,
    line,
    expected: `a number in column ${column}`,
    found: cell === undefined ? 'no such field' : quoteFound(text),
  });
}

/** Rows of `objectInfo150.csv`; `rankBy` picks which column is the row's count. */
export async function* objectInfoRows(
  chunks: AsyncIterable<string>,
  file: string,
  delimiter: string,
  rankBy: 'train' | 'ratio',
): AsyncGenerator<ObjectRow> {
  let columns: Record<(typeof OBJECT_INFO_COLUMNS)[number], number> | undefined;
  let width = 0;
  for await (const record of csvRecords(chunks, file, delimiter)) {
    if (!columns) {
      const header = record.fields.map((c) => c.trim().toLowerCase());
      width = header.length;
      columns = { Idx: 0, Ratio: 0, Train: 0, Val: 0, Name: 0 };
      for (const column of OBJECT_INFO_COLUMNS) {
        columns[column] = header.indexOf(column.toLowerCase());
        if (columns[column] < 0) {
          const found = `the columns ${record.fields.map((f) => quoteFound(f.trim())).join(', ')}`;
          throw new ImportError({
            file,
            line: record.line,
            expected: `a column ${column} in the header`,
            found,
          });
        }
      }
      continue;
    }
    if (record.fields.length !== width) {
      const expected = `${width} fields (as in the header)`;
      throw new ImportError({ file, line: record.line, expected, found: `${record.fields.length}` });
    }
    const cell = (column: (typeof OBJECT_INFO_COLUMNS)[number]): number =>
      numberCell(
        file,
        record.line,
        column,
        record.fields[(columns as Record<string, number>)[column] as number],
      );
    const extra = { idx: cell('Idx'), ratio: cell('Ratio'), train: cell('Train'), val: cell('Val') };
    const names = splitSynonyms(
      rejoinObjectInfoNames(splitSynonyms(record.fields[columns.Name] ?? '', false)).join(';'),
    );
    yield { names, count: rankBy === 'train' ? extra.train : extra.ratio, line: record.line, extra };
  }
}

/** Rows of a name + count table in CSV or TSV, with or without a header. */
export async function* delimitedCountRows(
  chunks: AsyncIterable<string>,
  file: string,
  delimiter: string,
): AsyncGenerator<ObjectRow> {
  let columns: { name: number; count: number; header: readonly string[] } | undefined;
  for await (const record of csvRecords(chunks, file, delimiter)) {
    if (!columns) {
      const cells = record.fields.map((c) => c.trim().toLowerCase());
      if (hasHeader(cells)) {
        columns = {
          name: cells.findIndex((c) => NAME_HEADERS.includes(c)),
          count: cells.findIndex((c) => COUNT_HEADERS.includes(c)),
          header: record.fields,
        };
        continue;
      }
      columns = headerlessColumns(file, record);
    }
    const countColumn = columns.header[columns.count]?.trim() || 'count';
    const count = numberCell(file, record.line, countColumn, record.fields[columns.count]);
    yield { names: splitSynonyms(record.fields[columns.name] ?? ''), count, line: record.line };
  }
}

/** Without a header a record must have two fields, one of them a number. */
function headerlessColumns(
  file: string,
  record: CsvRecord,
): { name: number; count: number; header: readonly string[] } {
  const [first, second] = record.fields.map((c) => c.trim());
  if (record.fields.length === 2 && NUMBER.test(second ?? '')) return { name: 0, count: 1, header: [] };
  if (record.fields.length === 2 && NUMBER.test(first ?? '')) return { name: 1, count: 0, header: [] };
  throw new ImportError({
    file,
    line: record.line,
    expected: `a header naming a name column (${NAME_HEADERS.slice(0, 3).join(', ')}, …) and a count column (${COUNT_HEADERS.slice(0, 3).join(', ')}, …), or two fields: a name and a count`,
    found: record.fields.map((f) => quoteFound(f)).join(', '),
  });
}

/** Rows of a headerless two-column table separated by spaces: `wall 12345`, `12345 plant life`. */
export async function* whitespaceCountRows(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<ObjectRow> {
  let countFirst: boolean | undefined;
  for await (const { text, line } of numberedLines(chunks)) {
    const tokens = text.trim().split(/\s+/);
    if (tokens[0] === '' || tokens[0]?.startsWith('#')) continue;
    countFirst ??= NUMBER.test(tokens[0] ?? '') && !NUMBER.test(tokens[tokens.length - 1] ?? '');
    const count = countFirst ? tokens.shift() : tokens.pop();
    if (tokens.length === 0 || count === undefined || !NUMBER.test(count)) {
      const expected = countFirst ? 'a count followed by a name' : 'a name followed by a count';
      throw new ImportError({ file, line, expected, found: quoteFound(text.trim()) });
    }
    yield { names: splitSynonyms(tokens.join(' ')), count: Number(count), line };
  }
}
