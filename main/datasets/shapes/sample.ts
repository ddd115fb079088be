/**
 * Seeded sampling without replacement: the first `size` positions of the seed's permutation of the
 * (filtered) space. Same seed, size and filter → same items in the same order, on every machine;
 * a fresh seed gives a fresh held-out set. Only the sampled items are ever built.
 */
import { seededPermutation } from './permutation.js';
import { assertSeed } from './rng.js';
import { openSpace } from './space.js';
import type { ShapeFilter, ShapeItem } from './types.js';

/** What to draw: a seed, how many (default: the whole filtered space), and from which sub-space. */
export interface SampleOptions {
  readonly seed: number;
  readonly size?: number;
  readonly filter?: ShapeFilter;
}

/** The resolved size of a sample; throws when it is not a non-negative integer or exceeds the space. */
function sampleSize(requested: number | undefined, available: number): number {
  if (requested === undefined) return available;
  if (!Number.isSafeInteger(requested) || requested < 0)
    throw new RangeError(`size must be a non-negative integer`);
  if (requested > available)
    throw new RangeError(`size ${requested} exceeds the ${available} items available`);
  return requested;
}

/** The sampled items one at a time (streams the whole space in seeded order when size is absent). */
export function* streamSample(options: SampleOptions): Generator<ShapeItem> {
  assertSeed(options.seed);
  const space = openSpace(options.filter);
  const size = sampleSize(options.size, space.size);
  const permutation = seededPermutation(space.size, options.seed);
  for (let i = 0; i < size; i++) yield space.itemAt(permutation.at(i));
}

/** The sampled items as an array: `sampleItems({ seed: 7, size: 500, filter: { categories: ['line'] } })`. */
export function sampleItems(options: SampleOptions): ShapeItem[] {
  return [...streamSample(options)];
}
