/**
 * The standard test split: a fixed-seed sample stratified across categories (equal shares) and,
 * within a category, across its templates (equal shares), with attribute values balanced by a
 * greedy choice of the least-used value on every axis (seeded tie-breaks). Every value of every
 * attribute a category uses appears in its share whenever the share is large enough.
 */
import { createRng, shuffled, type Rng } from './rng.js';
import { cappedShares } from './shares.js';
import { openSpace, type SpaceSegment } from './space.js';
import type { Axis } from './templates/template.js';
import { SHAPE_CATEGORIES, type FieldName, type ShapeFilter, type ShapeItem } from './types.js';

/** The seed of the standard split (the first day of CVPR 2024). */
export const STANDARD_SPLIT_SEED = 20240617;
/** The size of the standard split. */
export const STANDARD_SPLIT_SIZE = 1500;

/** Options of {@link testSplit}; the defaults give the standard split. */
export interface SplitOptions {
  readonly seed?: number;
  readonly size?: number;
  readonly filter?: ShapeFilter;
}

/** How often each value of each field has been picked so far, within one category. */
type Tallies = Map<FieldName, Map<string, number>>;

/** The tuple of `axis` whose values are least used so far (ties broken by `rng`). */
function leastUsedTuple(axis: Axis, tallies: Tallies, rng: Rng): number {
  const counts = axis.fields.map((field) => tallies.get(field));
  let best = Infinity;
  let ties = 0;
  let chosen = 0;
  axis.values.forEach((tuple, i) => {
    let score = 0;
    counts.forEach((count, f) => (score += count?.get(tuple[f]!) ?? 0));
    if (score < best) [best, ties, chosen] = [score, 1, i];
    else if (score === best && rng.nextInt(++ties) === 0) chosen = i;
  });
  return chosen;
}

function tally(axes: readonly Axis[], local: number, tallies: Tallies): void {
  for (let a = axes.length - 1; a >= 0; a--) {
    const axis = axes[a]!;
    const digit = local % axis.values.length;
    local = (local - digit) / axis.values.length;
    axis.fields.forEach((field, f) => {
      const value = axis.values[digit]![f]!;
      const counts = tallies.get(field) ?? tallies.set(field, new Map()).get(field)!;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    });
  }
}

/** `n` distinct segment-local indices whose attribute values are as balanced as possible. */
function balancedPicks(segment: SpaceSegment, n: number, tallies: Tallies, rng: Rng): number[] {
  const used = new Set<number>();
  const pick = (): number =>
    segment.axes.reduce((index, axis) => index * axis.values.length + leastUsedTuple(axis, tallies, rng), 0);
  while (used.size < n) {
    let local = pick();
    for (let tries = 0; used.has(local) && tries < 8; tries++) local = pick();
    while (used.has(local)) local = rng.nextInt(segment.size);
    used.add(local);
    tally(segment.axes, local, tallies);
  }
  return [...used];
}

/**
 * The stratified split of the (filtered) space: `testSplit()` is the standard 1,500-item split
 * (300 per category); a new seed gives a fresh, equally stratified held-out set.
 */
export function testSplit(options: SplitOptions = {}): ShapeItem[] {
  const { seed = STANDARD_SPLIT_SEED, size = STANDARD_SPLIT_SIZE, filter } = options;
  const rng = createRng(seed);
  const space = openSpace(filter);
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size must be a non-negative integer');
  if (size > space.size) throw new RangeError(`size ${size} exceeds the ${space.size} items available`);
  const categories = SHAPE_CATEGORIES.filter((c) => space.segments.some((s) => s.category === c));
  const bySegment = categories.map((c) => space.segments.filter((s) => s.category === c));
  const capacities = bySegment.map((segments) => segments.reduce((sum, s) => sum + s.size, 0));
  const targets = cappedShares(size, capacities);
  const items: ShapeItem[] = [];
  bySegment.forEach((segments, c) => {
    const tallies: Tallies = new Map();
    const shares = cappedShares(
      targets[c]!,
      segments.map((s) => s.size),
    );
    segments.forEach((segment, s) => {
      for (const local of balancedPicks(segment, shares[s]!, tallies, rng))
        items.push(space.itemAt(segment.offset + local));
    });
  });
  return shuffled(items, rng);
}
