import { describe, expect, it } from 'vitest';
import { seededPermutation } from '../../../../main/datasets/shapes/permutation.js';
import { createRng, shuffled } from '../../../../main/datasets/shapes/rng.js';

describe('seeded generator', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const draw = (seed: number, stream = 0) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextU32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42)).not.toEqual(draw(42, 1));
    expect(draw(2 ** 40)).not.toEqual(draw(0)); // the high word of a large seed counts
  });

  it('is pinned: these numbers are the same on every machine and must never change', () => {
    const rng = createRng(20240617);
    expect(Array.from({ length: 4 }, () => rng.nextU32())).toEqual(PINNED_OUTPUTS);
  });

  it('draws bounded integers uniformly enough', () => {
    const rng = createRng(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
  });

  it('refuses seeds that are not non-negative integers', () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
  });

  it('shuffles without losing or duplicating anything', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const result = shuffled(items, createRng(3));
    expect(result).not.toEqual(items);
    expect([...result].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('seeded permutation', () => {
  it('is a bijection of [0, n) for awkward sizes', () => {
    for (const size of [1, 2, 3, 17, 1000, 4097]) {
      const permutation = seededPermutation(size, 11);
      const seen = new Set(Array.from({ length: size }, (_, i) => permutation.at(i)));
      expect(seen.size).toBe(size);
      expect(Math.max(...seen)).toBe(size - 1);
    }
  });

  it('depends on the seed and not on anything else', () => {
    const first = (seed: number) =>
      Array.from({ length: 20 }, (_, i) => seededPermutation(1_000_000, seed).at(i));
    expect(first(5)).toEqual(first(5));
    expect(first(5)).not.toEqual(first(6));
  });

  it('rejects indices outside the domain', () => {
    expect(() => seededPermutation(10, 1).at(10)).toThrow(RangeError);
  });
});

/** sfc32 (bryc's reference formulation) seeded through splitmix32, seed 20240617, stream 0. */
const PINNED_OUTPUTS = [654386265, 658453153, 1640826490, 2787132181];
