/**
 * Where an export lands, written atomically: a file is written beside its target and renamed into
 * place; a folder is built as a sibling temp folder and swapped in at the end. An existing target
 * folder is replaced only when it is empty or holds a previous export of the same format (its
 * marker file says so), so an export never deletes someone's unrelated files.
 */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { RunExportFormat } from '../../../shared/runs.js';
import { AppFailure } from '../../../shared/result.js';

/** The marker file at the root of every exported folder. */
export const EXPORT_MARKER = '.vcheck-export.json';

/** What the marker records. */
export interface ExportMarker {
  readonly tool: 'vcheck';
  readonly format: RunExportFormat;
  readonly runId: string;
  readonly samples: number;
  readonly createdAt: string;
}

function partialName(target: string): string {
  return `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function markerFormat(folder: string): string | null {
  try {
    return (
      (JSON.parse(readFileSync(path.join(folder, EXPORT_MARKER), 'utf8')) as { format?: string }).format ??
      null
    );
  } catch {
    return null;
  }
}

/** Refuses a target folder that is not empty and not an earlier export of `format`. */
export function checkFolderTarget(target: string, format: RunExportFormat): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new AppFailure('conflict', `${target} exists and is not a folder.`);
  if (readdirSync(target).length === 0) return;
  if (markerFormat(target) !== format)
    throw new AppFailure(
      'conflict',
      `${target} is not empty and is not an earlier ${format} export: choose another folder.`,
    );
}

/** Builds a folder export in a temp folder and swaps it into `target`; cleans up on failure. */
export async function writeFolderAtomically<T extends { readonly samples: number }>(
  target: string,
  marker: Pick<ExportMarker, 'format' | 'runId'>,
  build: (folder: string) => Promise<T>,
): Promise<T> {
  checkFolderTarget(target, marker.format);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = partialName(target);
  mkdirSync(temp);
  try {
    const result = await build(temp);
    // Checked again: another export may have taken the target while this one was writing.
    checkFolderTarget(target, marker.format);
    const full: ExportMarker = {
      tool: 'vcheck',
      ...marker,
      samples: result.samples,
      createdAt: new Date().toISOString(),
    };
    writeFileSync(path.join(temp, EXPORT_MARKER), `${JSON.stringify(full, null, 2)}\n`);
    // Move the old export aside first: a crash between the renames leaves both, never neither.
    const old = existsSync(target) ? `${partialName(target)}.old` : null;
    if (old) renameSync(target, old);
    renameSync(temp, target);
    if (old) rmSync(old, { recursive: true, force: true });
    return result;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a file export through `write(tempFile)` and renames it onto `target`. */
export async function writeFileAtomically<T>(
  target: string,
  write: (file: string) => Promise<T>,
): Promise<T> {
  if (existsSync(target) && statSync(target).isDirectory())
    throw new AppFailure('conflict', `${target} is a folder; this format writes one file.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${partialName(target)}.tmp`;
  try {
    const result = await write(temp);
    renameSync(temp, target);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Total size in bytes and count of the files under `folder` (recursive). */
export function folderSize(folder: string): { readonly files: number; readonly bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
