/**
 * The ADE20K object importer: the N most frequent objects of `objectInfo150.csv` or of a full-index
 * name + count table, with synonyms merged and the source and counts kept on every item.
 */
import { open } from 'node:fs/promises';
import type { ConceptItem, ImportSummary } from '../concept-item.js';
import { ConceptCollector, dedupKey } from '../concept-item.js';
import type { Ade20kFormat } from './ade20k-rows.js';
import {
  delimitedCountRows,
  detectAde20kFormat,
  objectInfoRows,
  whitespaceCountRows,
} from './ade20k-rows.js';
import { summarise } from './import-summary.js';
import type { ObjectGroup, ObjectRow } from './object-merge.js';
import { mergeObjectRows } from './object-merge.js';
import { TextFile } from './text-file.js';

/** Options of an ADE20K object import. */
export interface Ade20kOptions {
  /** How many objects to keep, most frequent first; default 1000. */
  readonly top?: number;
  /** For `objectInfo150.csv`: rank by `Train` (images containing the object, default) or `Ratio` (pixel share). */
  readonly rankBy?: 'train' | 'ratio';
}

/**
 * Imports the `top` most frequent objects. The format is recognised from the first line; items are
 * keyed `ade:<name>`, ranked by merged count, with `count`, `rank`, `synonyms`, `source`, the
 * number of `mergedRows`, the first `line`, and for objectInfo150 the summed `ratio`, `train` and
 * `val` (and `idx` when nothing merged).
 */
export async function importAde20kObjects(file: string, options: Ade20kOptions = {}): Promise<ImportSummary> {
  const top = options.top ?? 1000;
  const rankBy = options.rankBy ?? 'train';
  if (!Number.isSafeInteger(top) || top < 1)
    throw new RangeError(`top must be a positive integer, got ${top}`);
  const format = detectAde20kFormat(await firstLine(file));
  const text = new TextFile(file);
  const rows: ObjectRow[] = [];
  let empty = 0;
  for await (const row of readRows(format, text, rankBy)) {
    if (row.names.length === 0) empty += 1;
    else rows.push(row);
  }
  // objectInfo150 lists 150 distinct classes whose synonyms overlap ("stool" is a class and a
  // synonym of "toilet"), so only identical names merge there.
  const objectInfo = format === 'objectInfo150' || format === 'objectInfo150-tsv';
  const all = mergeObjectRows(rows, !objectInfo);
  const merged = all.reduce((sum, g) => sum + g.merged, 0);
  const collector = new ConceptCollector();
  all.slice(0, top).forEach((group, index) => collector.offer(objectItem(group, index + 1, objectInfo)));
  const summary = summarise('ade20k-objects', text, { top, rankBy, format }, collector, rows.length + empty);
  return {
    ...summary,
    stats: {
      ...summary.stats,
      duplicatesDropped: summary.stats.duplicatesDropped + merged,
      emptyDropped: empty,
    },
  };
}

function readRows(
  format: Ade20kFormat,
  text: TextFile,
  rankBy: 'train' | 'ratio',
): AsyncGenerator<ObjectRow> {
  switch (format) {
    case 'objectInfo150':
      return objectInfoRows(text.chunks(), text.file, ',', rankBy);
    case 'objectInfo150-tsv':
      return objectInfoRows(text.chunks(), text.file, '\t', rankBy);
    case 'name-count-csv':
      return delimitedCountRows(text.chunks(), text.file, ',');
    case 'name-count-tsv':
      return delimitedCountRows(text.chunks(), text.file, '\t');
    case 'name-count-columns':
      return whitespaceCountRows(text.chunks(), text.file);
  }
}

function objectItem(group: ObjectGroup, rank: number, objectInfo: boolean): ConceptItem {
  const { idx, ...sums } = group.extra;
  return {
    key: `ade:${dedupKey(group.name)}`,
    text: group.name,
    category: 'objects',
    attributes: {
      source: objectInfo ? 'ade20k-objectInfo150' : 'ade20k-index',
      rank,
      count: group.count,
      synonyms: group.synonyms,
      mergedRows: group.merged + 1,
      line: group.firstLine,
      ...sums,
      ...(idx !== undefined && group.merged === 0 ? { idx } : {}),
    },
  };
}

/**
 * The first non-blank line of `file`, read from its first 64 KB without decoding checks: it only
 * picks the parser; the full read that follows checks every byte.
 */
async function firstLine(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return ''; // The full read reports the file-system error as an ImportError.
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  } finally {
    await handle.close();
  }
}
