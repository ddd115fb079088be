/**
 * Fidelity as in the study: an image's CLIP similarity to the description of its own concept is
 * ranked among its similarities to the descriptions of every concept of the same category; the
 * score is that rank as a percentile, 100 = ranked first, 0 = ranked last.
 *
 * Ties count half (mid-rank): percentile = 100 × (#lower + ½ #tied) / (K − 1), the expected
 * percentile if ties were broken at random — so a constant similarity (an uninformative image or
 * model) scores 50, not 100 or 0. With one concept in the category there is nothing to rank
 * against: the percentile is 100 and a warning says it is uninformative.
 */

/** Version of the fidelity implementation, recorded in provenance. */
export const FIDELITY_IMPLEMENTATION_VERSION = 'fidelity-percentile-1';

/** The rank of the true description among a category's descriptions. */
export interface FidelityRank {
  /** 100 = the true description scored highest; 0 = lowest. */
  readonly percentile: number;
  /** 1-based mid-rank (1 = first; ties share the mean of their positions). */
  readonly rank: number;
  /** Number of candidate descriptions (the category's concepts). */
  readonly candidates: number;
  /** Cosine similarity of the image and its true description (the plain CLIP score). */
  readonly trueSimilarity: number;
  readonly warnings: ReadonlyArray<string>;
}

/** Ranks `similarities[trueIndex]` among `similarities` (one per concept of the category). */
export function fidelityPercentile(similarities: ReadonlyArray<number>, trueIndex: number): FidelityRank {
  const k = similarities.length;
  if (!Number.isInteger(trueIndex) || trueIndex < 0 || trueIndex >= k)
    throw new RangeError(`true index ${trueIndex} outside the ${k} candidates`);
  const own = similarities[trueIndex]!;
  if (!Number.isFinite(own) || similarities.some((s) => !Number.isFinite(s)))
    throw new RangeError('similarities must be finite numbers');
  if (k === 1)
    return {
      percentile: 100,
      rank: 1,
      candidates: 1,
      trueSimilarity: own,
      warnings: ['one concept in the category: the fidelity percentile is uninformative'],
    };
  let lower = 0;
  let tied = 0;
  similarities.forEach((s, j) => {
    if (j === trueIndex) return;
    if (s < own) lower += 1;
    else if (s === own) tied += 1;
  });
  const higher = k - 1 - lower - tied;
  return {
    percentile: (100 * (lower + tied / 2)) / (k - 1),
    rank: 1 + higher + tied / 2,
    candidates: k,
    trueSimilarity: own,
    warnings: [],
  };
}

/** Cosine similarity of two vectors (0 when either is all zeros). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`vector sizes differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
