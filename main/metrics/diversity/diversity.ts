/**
 * Diversity of one concept's drawings: mean LPIPS distance over pairs of its images (all pairs up
 * to a cap, then a seeded sample), with the sample std, and a collapse flag when the drawings are
 * near-identical.
 */
import type { Pair } from './pairs.js';

/** Version of the diversity implementation, recorded in provenance. */
export const DIVERSITY_IMPLEMENTATION_VERSION = 'lpips-diversity-1';

/**
 * Mean LPIPS below which a concept's drawings count as collapsed. LPIPS between renders that
 * differ only by anti-aliasing noise is ~0.01; distinct drawings of one concept score ~0.2–0.6.
 */
export const COLLAPSE_THRESHOLD = 0.02;

/** The diversity of one group of images. */
export interface DiversityScore {
  readonly mean: number;
  readonly std: number;
  readonly images: number;
  readonly pairs: number;
  readonly collapsed: boolean;
  readonly warnings: ReadonlyArray<string>;
}

/** Summarises the LPIPS distances of `pairs` among `images` images. */
export function diversityScore(
  images: number,
  pairs: ReadonlyArray<Pair>,
  distances: ReadonlyArray<number>,
  threshold: number = COLLAPSE_THRESHOLD,
): DiversityScore {
  if (pairs.length !== distances.length) throw new RangeError('one distance per pair');
  if (pairs.length === 0) throw new RangeError('diversity needs at least two images');
  const n = distances.length;
  const mean = distances.reduce((s, v) => s + v, 0) / n;
  const std = n > 1 ? Math.sqrt(distances.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const total = (images * (images - 1)) / 2;
  const warnings: string[] = [];
  if (images < 5) warnings.push(`small N: diversity over ${images} images`);
  if (n < total) warnings.push(`sampled ${n} of ${total} pairs`);
  return { mean, std, images, pairs: n, collapsed: mean < threshold, warnings };
}
