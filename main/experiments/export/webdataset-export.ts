/**
 * The WebDataset export: tar shards `shard-000000.tar`, `shard-000001.tar`, … of `shardSize`
 * samples each; a sample is `<key>.png` (the image), `<key>.json` (its export row) and `<key>.txt`
 * (the concept text, the caption for training). Keys are `sample-<id, 9 digits>`: no dots, since
 * WebDataset groups files by the name up to the first dot. Only samples with an image are written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImageStore } from '../../store/image-store.js';
import { yieldToEventLoop } from './export-rows.js';
import { imagePages, type RowWithImage } from './image-folder-export.js';
import { TarWriter } from './tar-writer.js';

/** The file name of shard `index`. */
export function shardName(index: number): string {
  return `shard-${String(index).padStart(6, '0')}.tar`;
}

/** The WebDataset key of a sample. */
export function sampleKeyOf(sampleId: number): string {
  return `sample-${String(sampleId).padStart(9, '0')}`;
}

/** Writes the shards into `folder`; returns the samples and shards written. */
export async function writeWebDataset(
  db: Database,
  images: ImageStore,
  runId: string,
  folder: string,
  options: { readonly shardSize: number; readonly mtimeSeconds: number },
): Promise<{ readonly samples: number; readonly shards: number }> {
  let tar: TarWriter | null = null;
  let samples = 0;
  let shards = 0;
  const add = ({ row, imagePath }: RowWithImage): void => {
    if (tar === null) {
      tar = new TarWriter(path.join(folder, shardName(shards)), options.mtimeSeconds);
      shards += 1;
    }
    const key = sampleKeyOf(row.sample_id);
    tar.add(`${key}.png`, readFileSync(imagePath));
    tar.add(`${key}.json`, Buffer.from(JSON.stringify(row), 'utf8'));
    tar.add(`${key}.txt`, Buffer.from(row.concept_text ?? '', 'utf8'));
    samples += 1;
    if (samples % options.shardSize === 0) {
      tar.finish();
      tar = null;
    }
  };
  try {
    for (const page of imagePages(db, images, runId)) {
      page.forEach(add);
      await yieldToEventLoop();
    }
    (tar as TarWriter | null)?.finish();
  } catch (error) {
    (tar as TarWriter | null)?.close();
    throw error; // the caller removes the whole temp folder
  }
  return { samples, shards };
}
