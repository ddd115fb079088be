/** Pixel helpers for the Python/TikZ render tests: decode a PNG, find coloured regions, compare. */
import { createCanvas, Image } from '@napi-rs/canvas';

/** A decoded RGBA image. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Decodes PNG bytes to RGBA. */
export function decodePng(bytes: Uint8Array): Pixels {
  const image = new Image();
  image.src = Buffer.from(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

/** Bounding box of the pixels that satisfy `match(r, g, b)`, or null. */
export function boundingBox(
  pixels: Pixels,
  match: (r: number, g: number, b: number) => boolean,
): { x0: number; y0: number; x1: number; y1: number; count: number } | null {
  let box: { x0: number; y0: number; x1: number; y1: number; count: number } | null = null;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const i = (y * pixels.width + x) * 4;
      if (!match(pixels.data[i]!, pixels.data[i + 1]!, pixels.data[i + 2]!)) continue;
      box ??= { x0: x, y0: y, x1: x, y1: y, count: 0 };
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
      box.count++;
    }
  }
  return box;
}

/** Mean absolute difference per channel (0–255) of two same-sized images. */
export function meanAbsDiff(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / ((a.data.length / 4) * 3);
}

/** Strongly red: r high, g and b low. */
export const isRed = (r: number, g: number, b: number): boolean => r > 200 && g < 60 && b < 60;
