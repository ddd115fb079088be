import { describe, expect, it } from 'vitest';
import { cosineSimilarity, fidelityPercentile } from '../../../../main/metrics/fidelity/percentile.js';

describe('fidelity percentile (hand-computed cases)', () => {
  it('ranked first is 100, last is 0, in between is linear in the rank', () => {
    // 5 candidates: true index 2.
    expect(fidelityPercentile([0.1, 0.2, 0.9, 0.3, 0.4], 2)).toMatchObject({
      percentile: 100,
      rank: 1,
      candidates: 5,
    });
    expect(fidelityPercentile([0.1, 0.2, 0.05, 0.3, 0.4], 2)).toMatchObject({ percentile: 0, rank: 5 });
    // 0.25 beats 0.1 and 0.2, loses to 0.3 and 0.4: rank 3 of 5 → 2 of 4 below → 50.
    expect(fidelityPercentile([0.1, 0.2, 0.25, 0.3, 0.4], 2)).toMatchObject({ percentile: 50, rank: 3 });
    // 0.35 beats three of four → 75.
    expect(fidelityPercentile([0.1, 0.2, 0.35, 0.3, 0.4], 2).percentile).toBe(75);
  });

  it('ties count half: all equal → 50; one tie at the top → 100 − half a step', () => {
    expect(fidelityPercentile([0.5, 0.5, 0.5], 0)).toMatchObject({ percentile: 50, rank: 2 });
    // 4 candidates, one other equal to the true one and above the rest: (2 + 0.5) / 3.
    const tieTop = fidelityPercentile([0.8, 0.1, 0.8, 0.2], 0);
    expect(tieTop.percentile).toBeCloseTo((100 * 2.5) / 3, 12);
    expect(tieTop.rank).toBe(1.5);
    // Tie at the bottom: (0 + 0.5) / 3.
    expect(fidelityPercentile([0.1, 0.9, 0.1, 0.8], 0).percentile).toBeCloseTo(100 / 6, 12);
  });

  it('one concept in the category: 100 with a warning that it says nothing', () => {
    const one = fidelityPercentile([0.3], 0);
    expect(one).toMatchObject({ percentile: 100, rank: 1, candidates: 1, trueSimilarity: 0.3 });
    expect(one.warnings[0]).toMatch(/uninformative/);
  });

  it('many concepts: 1,000 candidates, the true one beating exactly 900', () => {
    const similarities = Array.from({ length: 1000 }, (_, i) => i / 1000); // 0 … 0.999
    const rank = fidelityPercentile(similarities, 900); // beats 0..899 → 900 of 999 below
    expect(rank.percentile).toBeCloseTo((100 * 900) / 999, 12);
    expect(rank.rank).toBe(100);
    expect(rank.trueSimilarity).toBe(0.9);
  });

  it('rejects a true index outside the candidates and non-finite similarities', () => {
    expect(() => fidelityPercentile([0.1, 0.2], 2)).toThrow(/outside the 2 candidates/);
    expect(() => fidelityPercentile([0.1, Number.NaN], 0)).toThrow(/finite/);
  });
});

describe('cosine similarity', () => {
  it('is 1 for parallel, −1 for opposite, 0 for orthogonal or zero vectors', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(cosineSimilarity([1, 0], [-3, 0])).toBe(-1);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(24 / 25, 15);
  });
});
