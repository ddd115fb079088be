/**
 * Exports a dataset version to JSONL (one concept per line, attributes nested) or CSV (one column
 * per attribute, RFC 4180 quoting, list values joined with `;`). Streams the rows and writes to a
 * temporary file renamed into place, so a failed export never leaves a truncated file behind.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ConceptView, DatasetExported } from '../../shared/datasets.js';
import type { Store } from '../store/store.js';

/** Quotes one CSV field when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvValue(value: ConceptView['attributes'][string] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(';') : String(value);
}

/** Writes the version `id` to `file` in `format`; returns what was written. */
export function exportDataset(
  store: Store,
  id: string,
  format: 'jsonl' | 'csv',
  file: string,
): DatasetExported {
  const dataset = store.datasets.require(id);
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.partial`;
  const fd = openSync(temp, 'w');
  let count = 0;
  try {
    const attributeNames = Object.keys(dataset.stats.attributes);
    let buffer =
      format === 'csv'
        ? `${['index', 'key', 'text', 'category', ...attributeNames].map(csvField).join(',')}\n`
        : '';
    for (const concept of store.datasets.iterateConcepts(id)) {
      buffer +=
        format === 'jsonl'
          ? `${JSON.stringify(concept)}\n`
          : `${[String(concept.index), concept.key, concept.text, concept.category, ...attributeNames.map((a) => csvValue(concept.attributes[a]))].map(csvField).join(',')}\n`;
      count += 1;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(temp, target);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  return { file: target, format, count };
}
