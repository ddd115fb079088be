/**
 * A small seeded PRNG that gives the same numbers on every machine: sfc32 (Chris Doty-Humphrey's
 * Small Fast Counter) over 32-bit integer arithmetic, seeded through splitmix32. No Math.random.
 */

/** A deterministic source of 32-bit unsigned integers. */
export interface Rng {
  /** The next integer in [0, 2^32). */
  nextU32(): number;
  /** An unbiased integer in [0, n) for 1 ≤ n ≤ 2^32 (rejection sampling, no modulo bias). */
  nextInt(n: number): number;
}

/** splitmix32: a good 32-bit mixer, used to spread a seed over the generator state. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Checks a seed: an integer in [0, 2^53). */
export function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
}

/** Splits a seed into two 32-bit words (seeds up to 2^53 are all distinct). */
export function seedWords(seed: number): readonly [number, number] {
  assertSeed(seed);
  return [seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0];
}

/** A generator for `seed`, optionally on an independent `stream` (e.g. one per purpose). */
export function createRng(seed: number, stream = 0): Rng {
  const [lo, hi] = seedWords(seed);
  let a = mix32(lo);
  let b = mix32(hi ^ 0x6a09e667);
  let c = mix32(stream ^ 0xbb67ae85);
  let d = 1;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32(); // sfc32's recommended warm-up
  const nextInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`bad bound ${n}`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    let x = nextU32();
    while (x >= limit) x = nextU32();
    return x % n;
  };
  return { nextU32, nextInt };
}

/** Shuffles a copy of `items` with Fisher–Yates driven by `rng`. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy;
}
