/**
 * Normalises a renderer's raw PNG into the workbench's output form: white background, long side =
 * `size`, aspect kept, deterministic bytes (same input → same output, no metadata chunks).
 */
import { Image, createCanvas } from '@napi-rs/canvas';
import { isUniformRgba } from './uniform.js';

/** A finished render image. */
export interface FinalPng {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** True when the image is one uniform colour (`blank_image`), measured on the final pixels. */
  readonly blank: boolean;
}

/** Output dimensions with the long side equal to `size`, aspect preserved, each side ≥ 1. */
export function fitSize(
  width: number,
  height: number,
  size: number,
): { readonly width: number; readonly height: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const scale = size / Math.max(w, h);
  return {
    width: Math.max(1, Math.round(w * scale)),
    height: Math.max(1, Math.round(h * scale)),
  };
}

/** Decodes PNG (or JPEG) bytes into an image; throws when they are not an image. */
export function decodeImage(bytes: Uint8Array): Image {
  const image = new Image();
  image.src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (image.width < 1 || image.height < 1) throw new Error('not a decodable image');
  return image;
}

/** Redraws `png` onto a white canvas whose long side is `size`, and encodes it. */
export function finalisePng(png: Uint8Array, size: number): FinalPng {
  const image = decodeImage(png);
  const { width, height } = fitSize(image.width, image.height, size);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  const blank = isUniformRgba(ctx.getImageData(0, 0, width, height).data);
  return { png: new Uint8Array(canvas.encodeSync('png')), width, height, blank };
}
