/** Seeds of repeated samples: each repeat of one prompt gets its own seed, derived purely. */
import { createHash } from 'node:crypto';

/**
 * The seed of repeat `index` of a prompt sampled with `baseSeed`: the first 4 bytes (big-endian)
 * of sha256("vcheck-seed:<base>:<index>"), masked to 31 bits so that every backend accepts it.
 * Hash-derived rather than base+index so that runs with seeds 1 and 2 do not share samples.
 */
export function deriveSeed(baseSeed: number, index: number): number {
  const digest = createHash('sha256').update(`vcheck-seed:${baseSeed}:${index}`).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

/** The seeds of repeats 0..n-1. */
export function deriveSeeds(baseSeed: number, n: number): readonly number[] {
  return Array.from({ length: n }, (_, i) => deriveSeed(baseSeed, i));
}
