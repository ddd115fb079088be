/**
 * JSONL and CSV exports of a run's samples: one row per sample. CSV follows RFC 4180 (CRLF
 * records, fields with commas, quotes or line breaks quoted, quotes doubled); nested values
 * (argument settings, recognition candidates) are written as JSON text, null as an empty field.
 */
import type { Database } from 'better-sqlite3';
import { csvField } from '../../datasets/export-dataset.js';
import { BufferedFile } from './buffered-file.js';
import { EXPORT_COLUMNS, exportRowPages, yieldToEventLoop, type ExportRow } from './export-rows.js';

/** One CSV field of a row value. */
export function csvCell(value: ExportRow[keyof ExportRow]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return csvField(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvField(JSON.stringify(value));
}

/** The CSV record of a row (without the line break). */
export function csvRecord(row: ExportRow): string {
  return EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(',');
}

/** Writes the run's rows to `file` as JSONL or CSV; returns the rows and bytes written. */
export async function writeTabular(
  db: Database,
  runId: string,
  format: 'jsonl' | 'csv',
  file: string,
): Promise<{ readonly samples: number; readonly bytes: number }> {
  const out = new BufferedFile(file);
  let samples = 0;
  try {
    if (format === 'csv') out.write(`${EXPORT_COLUMNS.join(',')}\r\n`);
    for (const page of exportRowPages(db, runId)) {
      for (const row of page)
        out.write(format === 'csv' ? `${csvRecord(row)}\r\n` : `${JSON.stringify(row)}\n`);
      samples += page.length;
      await yieldToEventLoop();
    }
  } finally {
    out.close();
  }
  return { samples, bytes: out.bytes };
}
