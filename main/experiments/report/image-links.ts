/**
 * How the report points at images: embedded as data URIs (one self-contained file), or copied
 * into a folder beside the report (`<name>_files/<hash>.png`) and linked relatively. Remembers the
 * hashes it linked so the writer copies exactly those.
 */
import { readFileSync } from 'node:fs';
import type { ImageStore } from '../../store/image-store.js';

/** Gives an `<img src>` for a stored image, or null when the file is missing. */
export type ImageSource = (hash: string) => string | null;

/** Image sources of one report. */
export class ImageLinks {
  /** Hashes linked so far, with their file in the image store. */
  readonly used = new Map<string, string>();

  constructor(
    private readonly images: ImageStore,
    /** null: embed; else the folder name beside the report. */
    private readonly folderName: string | null,
  ) {}

  /** The `src` of `hash` (see {@link ImageSource}). */
  readonly source: ImageSource = (hash) => {
    const file = this.images.existingPath(hash);
    if (file === null) return null;
    this.used.set(hash, file);
    if (this.folderName === null) return `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    return `${encodeURIComponent(this.folderName)}/${hash}.png`;
  };
}
