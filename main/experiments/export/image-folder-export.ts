/**
 * The ImageFolder export: `<out>/<label>/<sample id>.png` with the concept as the label, plus
 * `<out>/metadata.jsonl` (one export row per image with `file_name` relative to the folder).
 * That one layout is read by `torchvision.datasets.ImageFolder(out)` (label = folder; root files
 * ignored) and by Hugging Face `load_dataset("imagefolder", data_dir=out)` (metadata by
 * `file_name`). Only samples with a successful render have an image, so only they are exported.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImageStore } from '../../store/image-store.js';
import { BufferedFile } from './buffered-file.js';
import { exportRowPages, yieldToEventLoop, type ExportRow } from './export-rows.js';

/** A folder name for a concept: its key made filesystem-safe, with a hash suffix when changed. */
export function conceptLabel(row: Pick<ExportRow, 'concept_key' | 'concept_idx'>): string {
  const key = row.concept_key ?? `concept-${row.concept_idx}`;
  const safe = key
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  // Two keys that clean to the same name must not share a class folder.
  if (safe === key && safe.length > 0) return safe;
  const suffix = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return safe.length > 0 ? `${safe}-${suffix}` : suffix;
}

/** A row whose render produced an image present in the store, with the image's path. */
export interface RowWithImage {
  readonly row: ExportRow;
  readonly imagePath: string;
}

/** The rows of `runId` with an image, a page at a time (see `exportRowPages`). */
export function* imagePages(
  db: Database,
  images: ImageStore,
  runId: string,
): Generator<ReadonlyArray<RowWithImage>> {
  for (const page of exportRowPages(db, runId)) {
    yield page.flatMap((row) => {
      if (row.render_status !== 'ok' || row.image_hash === null) return [];
      const imagePath = images.existingPath(row.image_hash);
      return imagePath === null ? [] : [{ row, imagePath }];
    });
  }
}

/** Writes the ImageFolder tree into `folder`; returns the images written. */
export async function writeImageFolder(
  db: Database,
  images: ImageStore,
  runId: string,
  folder: string,
): Promise<number> {
  const metadata = new BufferedFile(path.join(folder, 'metadata.jsonl'));
  const made = new Set<string>();
  let count = 0;
  try {
    for (const page of imagePages(db, images, runId)) {
      for (const { row, imagePath } of page) {
        const label = conceptLabel(row);
        if (!made.has(label)) {
          mkdirSync(path.join(folder, label));
          made.add(label);
        }
        const fileName = `${label}/${row.sample_id}.png`;
        copyFileSync(imagePath, path.join(folder, fileName));
        metadata.write(`${JSON.stringify({ file_name: fileName, label, ...row })}\n`);
      }
      count += page.length;
      await yieldToEventLoop();
    }
  } finally {
    metadata.close();
  }
  return count;
}
