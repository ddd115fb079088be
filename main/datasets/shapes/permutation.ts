/**
 * A seeded permutation of [0, n) computed one index at a time: a balanced Feistel network over
 * the smallest even number of bits that covers n, with cycle walking to stay below n. A sample of
 * k items from a space of millions costs O(k), and nothing is materialised.
 */
import { createRng, mix32 } from './rng.js';

const ROUNDS = 6;
/** The stream of the seed's generator reserved for permutation keys. */
const PERMUTATION_STREAM = 0x7065726d; // "perm"

/** A bijection of [0, size) onto itself. */
export interface Permutation {
  readonly size: number;
  at(index: number): number;
}

/** The permutation of [0, size) that `seed` selects (size up to 2^32). */
export function seededPermutation(size: number, seed: number): Permutation {
  if (!Number.isInteger(size) || size < 0 || size > 0x1_0000_0000) throw new RangeError(`bad size ${size}`);
  const rng = createRng(seed, PERMUTATION_STREAM);
  const keys = Array.from({ length: ROUNDS }, () => rng.nextU32());
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const halfSize = 2 ** half;
  const mask = halfSize - 1;
  const encrypt = (x: number): number => {
    let left = Math.floor(x / halfSize);
    let right = x & mask;
    for (const key of keys) {
      const next = (left ^ (mix32(right ^ key) & mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * halfSize + right;
  };
  const at = (index: number): number => {
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new RangeError(`index ${index} out of range`);
    let x = encrypt(index);
    while (x >= size) x = encrypt(x);
    return x;
  };
  return { size, at };
}
