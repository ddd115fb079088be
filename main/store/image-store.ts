/**
 * The content-addressed image store: PNG files named by the sha256 of their bytes under
 * `<dataDir>/images/<first two hex>/<hash>.png`, indexed in the `images` table. Identical images
 * are stored once, whichever run made them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, existsSync, renameSync, writeFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { IMAGE_HASH_PATTERN } from '../../shared/transport.js';
import { readPngInfo, type PngInfo } from './png.js';

/** What {@link ImageStore.put} reports. */
export interface StoredImage extends PngInfo {
  readonly hash: string;
  readonly path: string;
  readonly bytes: number;
  /** False when the same bytes were already stored (deduplicated). */
  readonly created: boolean;
}

/** The image store of one data directory. */
export class ImageStore {
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly db: Database,
  ) {
    this.root = path.join(dataDir, 'images');
    mkdirSync(this.root, { recursive: true });
  }

  /** Validates and stores PNG bytes; returns the existing entry when already present. */
  put(png: Uint8Array): StoredImage {
    const info = readPngInfo(png);
    const hash = createHash('sha256').update(png).digest('hex');
    const file = this.fileOf(hash);
    const created = !existsSync(file);
    if (created) {
      mkdirSync(path.dirname(file), { recursive: true });
      // Write-then-rename: a crash never leaves a half-written file under its final name.
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(temp, png);
      renameSync(temp, file);
    }
    this.db
      .prepare('INSERT OR IGNORE INTO images (hash, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(hash, info.width, info.height, png.byteLength, new Date().toISOString());
    return { hash, path: file, bytes: png.byteLength, created, ...info };
  }

  /** Absolute path for a well-formed hash, whether or not the file exists; null for anything else. */
  pathOf(hash: string): string | null {
    return IMAGE_HASH_PATTERN.test(hash) ? this.fileOf(hash) : null;
  }

  /** Absolute path of a stored image, or null when the hash is malformed or absent. */
  existingPath(hash: string): string | null {
    const file = this.pathOf(hash);
    return file !== null && existsSync(file) ? file : null;
  }

  /** Hashes of every PNG file on disk (not the index), sorted. */
  filesOnDisk(): string[] {
    const hashes: string[] = [];
    for (const shard of readdirSync(this.root)) {
      const dir = path.join(this.root, shard);
      if (!/^[0-9a-f]{2}$/.test(shard) || !statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir)) {
        const hash = name.slice(0, -4);
        if (name.endsWith('.png') && IMAGE_HASH_PATTERN.test(hash) && hash.startsWith(shard))
          hashes.push(hash);
      }
    }
    return hashes.sort();
  }

  /** Removes a file and its index row (used by repair; never called for images a render references). */
  remove(hash: string): void {
    const file = this.pathOf(hash);
    if (file) rmSync(file, { force: true });
    this.db.prepare('DELETE FROM images WHERE hash = ?').run(hash);
  }

  private fileOf(hash: string): string {
    return path.join(this.root, hash.slice(0, 2), `${hash}.png`);
  }
}
