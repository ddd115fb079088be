/** Blank detection shared by every renderer: a uniform image counts as `blank_image`. */
import { createCanvas } from '@napi-rs/canvas';
import { decodeImage } from './png-output.js';
import { isUniformRgba } from './uniform.js';

/** Longest side the check samples at; a uniform image stays uniform when scaled down. */
const SAMPLE_SIDE = 1024;

/** True when the PNG is one uniform colour (e.g. only a background was drawn). */
export function isBlankPng(png: Uint8Array): boolean {
  const image = decodeImage(png);
  // Without smoothing, a downscale picks source pixels: a single-pixel line may be skipped, so
  // only downscale large images and keep smoothing on (any non-uniform pixel then shifts a mean).
  const scale = Math.min(1, SAMPLE_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  return isUniformRgba(ctx.getImageData(0, 0, width, height).data);
}
