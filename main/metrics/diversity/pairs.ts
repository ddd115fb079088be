/**
 * Which image pairs diversity is measured on: every unordered pair while there are at most `cap`
 * of them, otherwise a seeded sample of `cap` distinct pairs (uniform, without replacement), so
 * a concept with 200 samples costs `cap` LPIPS calls rather than 19,900.
 */
import { createRng } from '../../datasets/shapes/rng.js';

/** An unordered pair of image indices, i < j. */
export type Pair = readonly [number, number];

/** The default cap on pairs per concept. */
export const DEFAULT_PAIR_CAP = 1000;

/** The k-th pair (0-based) of the lexicographic order (0,1), (0,2), …, (n−2,n−1). */
export function pairAt(k: number, n: number): Pair {
  let i = 0;
  let remaining = k;
  while (remaining >= n - 1 - i) {
    remaining -= n - 1 - i;
    i += 1;
  }
  return [i, i + 1 + remaining];
}

/** Pairs to measure for `n` images (all, or a seeded sample of `cap`), in increasing order. */
export function diversityPairs(n: number, cap: number = DEFAULT_PAIR_CAP, seed = 0): Pair[] {
  const total = (n * (n - 1)) / 2;
  if (total <= cap) return Array.from({ length: total }, (_, k) => pairAt(k, n));
  // Floyd's algorithm: `cap` distinct indices of [0, total) with one draw each.
  const rng = createRng(seed, 0x6c706970); // 'lpip'
  const chosen = new Set<number>();
  for (let j = total - cap; j < total; j++) {
    const t = rng.nextInt(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((x, y) => x - y).map((k) => pairAt(k, n));
}
