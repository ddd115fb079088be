/**
 * Seeded random priorities from integer arithmetic only (no Math.random), identical on every
 * machine. Sampling by "the k smallest priorities" (bottom-k) is uniform without replacement and,
 * unlike a reservoir, does not depend on the order the file lists things in.
 */

/** MurmurHash3's 32-bit finaliser: a bijective mixer with full avalanche. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Checks a seed or id: a non-negative safe integer. */
export function assertNonNegativeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

/** The two 32-bit halves of a safe integer. */
function words(value: number): readonly [number, number] {
  return [value >>> 0, Math.floor(value / 0x1_0000_0000) >>> 0];
}

/**
 * A priority in [0, 1) with 53 random bits for `id` under `seed`; `stream` separates independent
 * uses (e.g. choosing images vs choosing a caption within an image).
 */
export function seededPriority(seed: number, stream: number, id: number): number {
  const [seedLo, seedHi] = words(seed);
  const [idLo, idHi] = words(id);
  const key = fmix32(fmix32(seedLo ^ Math.imul(stream + 1, 0x9e3779b9)) ^ seedHi);
  const a = fmix32(key ^ idLo);
  const b = fmix32(Math.imul(a, 0xcc9e2d51) ^ idHi ^ 0x1b873593);
  const hi = fmix32(a ^ Math.imul(b, 0xe6546b64)) >>> 11;
  const lo = fmix32(b ^ key);
  return (hi * 0x1_0000_0000 + lo) / 2 ** 53;
}
