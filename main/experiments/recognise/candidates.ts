/**
 * The options of a multiple-choice recognition: the true concept and distractors, preferably from
 * its own category (as in the study: telling a cat from a dog says more than telling a cat from a
 * spreadsheet), then from any other concept when the category has too few. Everything is drawn from
 * a generator seeded by the run's seed and the input's identity, so the same run config shows the
 * same options in the same order on every machine and every attempt.
 */
import { createHash } from 'node:crypto';
import { createRng, type Rng } from '../../datasets/shapes/rng.js';
import { normaliseAnswer } from '../../metrics/recognition/scoring.js';

/** Where the distractors of one input come from (each list as {@link sortedDistinct} makes it). */
export interface CandidatePool {
  /** Concepts of the truth's category (preferred). */
  readonly sameCategory: ReadonlyArray<string>;
  /** Any other concepts (used when the category has too few). */
  readonly others: ReadonlyArray<string>;
}

/** The distinct texts, sorted by code point: a pool's order never depends on how it was gathered. */
export function sortedDistinct(texts: Iterable<string>): string[] {
  return [...new Set(texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A 32-bit stream id of an input's identity (e.g. `file:/path/cat.svg`), for the generator. */
export function inputStream(identity: string): number {
  return createHash('sha256').update(`vcheck-candidates:${identity}`).digest().readUInt32BE(0);
}

function shuffled<T>(items: ReadonlyArray<T>, rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Up to `wanted` texts drawn at random without replacement from `pool`, skipping any that reads
 * like one already `taken` after normalisation (so no two options can be confused by the answer
 * parser). Draws indices rather than shuffling, so a pool of a whole dataset costs little.
 */
function draw(pool: ReadonlyArray<string>, wanted: number, taken: Set<string>, rng: Rng): string[] {
  const out: string[] = [];
  const tried = new Set<number>();
  while (out.length < wanted && tried.size < pool.length) {
    const i = rng.nextInt(pool.length);
    if (tried.has(i)) continue;
    tried.add(i);
    const key = normaliseAnswer(pool[i]!);
    if (key.length === 0 || taken.has(key)) continue;
    taken.add(key);
    out.push(pool[i]!);
  }
  return out;
}

/**
 * `count` options (fewer when the pool is too small): `truth` exactly once and distractors drawn
 * without replacement, same category first, in a seeded random order.
 */
export function chooseCandidates(
  truth: string,
  pool: CandidatePool,
  count: number,
  seed: number,
  identity: string,
): string[] {
  const rng = createRng(seed, inputStream(identity));
  const taken = new Set([normaliseAnswer(truth)]);
  const wanted = Math.max(0, count - 1);
  const preferred = draw(pool.sameCategory, wanted, taken, rng);
  const rest = draw(pool.others, wanted - preferred.length, taken, rng);
  return shuffled([truth, ...preferred, ...rest], rng);
}
