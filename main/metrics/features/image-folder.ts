/**
 * A folder of images as a metric input: the image files in name order, their content hash (what
 * reference-statistics caching keys on), and decoding to 8-bit RGB. PNG goes through our exact
 * decoder; JPEG/WebP/GIF/BMP through @napi-rs/canvas (Skia), whose JPEG IDCT may differ from
 * libjpeg's by ±1 per pixel — a documented, small source of disagreement with PIL-based tools.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodePng, type RgbImage } from '../preprocess/png-decode.js';

/** File extensions read as images. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp'] as const;

/** Image files of a folder (recursively), relative paths in code-point order. */
export async function listImageFiles(folder: string): Promise<ReadonlyArray<string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter(
      (e) =>
        e.isFile() &&
        (IMAGE_EXTENSIONS as ReadonlyArray<string>).includes(path.extname(e.name).toLowerCase()),
    )
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return files.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** sha256 over `name \t sha256(bytes) \n` of every image file, in order: the folder's identity. */
export async function folderContentHash(folder: string, files: ReadonlyArray<string>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(path.join(folder, file));
    hash.update(`${file}\t${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Decodes image bytes to RGB; throws on undecodable data. */
export async function decodeImage(bytes: Buffer, name: string): Promise<RgbImage> {
  if (name.toLowerCase().endsWith('.png')) return decodePng(bytes);
  const canvas = await import('@napi-rs/canvas');
  const image = await canvas.loadImage(bytes);
  const surface = canvas.createCanvas(image.width, image.height);
  const context = surface.getContext('2d');
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, image.width, image.height).data;
  const data = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    data[j] = rgba[i]!;
    data[j + 1] = rgba[i + 1]!;
    data[j + 2] = rgba[i + 2]!;
  }
  return { width: image.width, height: image.height, data };
}
