/**
 * `runs.export`: a run's samples as JSONL or CSV (one row per sample), or its images as an
 * ImageFolder tree or WebDataset tar shards, written atomically (see export-target.ts for when an
 * existing target is replaced).
 */
import path from 'node:path';
import type { RunExported, RunExportFormat } from '../../../shared/runs.js';
import { AppFailure, assertNever } from '../../../shared/result.js';
import type { Store } from '../../store/store.js';
import { folderSize, writeFileAtomically, writeFolderAtomically } from './export-target.js';
import { writeImageFolder } from './image-folder-export.js';
import { writeTabular } from './tabular-export.js';
import { writeWebDataset } from './webdataset-export.js';

/** What {@link exportRun} takes (the `runs.export` request). */
export interface RunExportRequest {
  readonly id: string;
  readonly format: RunExportFormat;
  readonly out: string;
  /** WebDataset: samples per shard. */
  readonly shardSize: number;
}

function runCreatedSeconds(store: Store, runId: string): number {
  const run = store.runs.get(runId);
  if (!run) throw new AppFailure('not_found', `No run ${runId}.`);
  // Tar entries carry the run's creation time, so exporting twice gives identical shards.
  return Math.floor(Date.parse(run.createdAt) / 1000);
}

/** Exports run `request.id` in `request.format` to `request.out`. */
export async function exportRun(store: Store, request: RunExportRequest): Promise<RunExported> {
  const { id, format } = request;
  const mtimeSeconds = runCreatedSeconds(store, id);
  const target = path.resolve(request.out);
  switch (format) {
    case 'jsonl':
    case 'csv': {
      const { samples, bytes } = await writeFileAtomically(target, (file) =>
        writeTabular(store.db, id, format, file),
      );
      return { format, path: target, samples, files: 1, bytes };
    }
    case 'imagefolder': {
      const { samples } = await writeFolderAtomically(target, { format, runId: id }, async (folder) => ({
        samples: await writeImageFolder(store.db, store.images, id, folder),
      }));
      return { format, path: target, samples, ...folderSize(target) };
    }
    case 'webdataset': {
      const { samples } = await writeFolderAtomically(target, { format, runId: id }, (folder) =>
        writeWebDataset(store.db, store.images, id, folder, { shardSize: request.shardSize, mtimeSeconds }),
      );
      return { format, path: target, samples, ...folderSize(target) };
    }
    default:
      return assertNever(format, 'export format');
  }
}
