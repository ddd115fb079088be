import { describe, expect, it } from 'vitest';
import { diversityScore } from '../../../../main/metrics/diversity/diversity.js';
import { diversityPairs, pairAt } from '../../../../main/metrics/diversity/pairs.js';

describe('diversity pairs', () => {
  it('enumerates every unordered pair in order while under the cap', () => {
    expect(diversityPairs(4, 10)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(diversityPairs(1)).toEqual([]);
    expect(pairAt(5, 4)).toEqual([2, 3]);
  });

  it('samples `cap` distinct pairs with a seed above the cap', () => {
    const sample = diversityPairs(200, 500, 7); // 19,900 pairs available
    expect(sample).toHaveLength(500);
    expect(new Set(sample.map(([i, j]) => `${i},${j}`)).size).toBe(500);
    expect(sample.every(([i, j]) => i < j && j < 200)).toBe(true);
    expect(diversityPairs(200, 500, 7)).toEqual(sample);
    expect(diversityPairs(200, 500, 8)).not.toEqual(sample);
    // Roughly uniform: about half of the sampled pairs involve an image of the first ~29%.
    const early = sample.filter(([i]) => i < 58).length / sample.length;
    expect(early).toBeGreaterThan(0.4);
    expect(early).toBeLessThan(0.6);
  });
});

describe('diversity score', () => {
  it('mean and sample std of the distances; collapse when near zero', () => {
    const pairs = diversityPairs(3);
    const score = diversityScore(3, pairs, [0.2, 0.4, 0.6]);
    expect(score.mean).toBeCloseTo(0.4, 15);
    expect(score.std).toBeCloseTo(0.2, 15);
    expect(score.collapsed).toBe(false);
    expect(score.warnings).toEqual(['small N: diversity over 3 images']);
    expect(diversityScore(3, pairs, [0.001, 0.002, 0]).collapsed).toBe(true);
  });

  it('says when pairs were sampled, and refuses fewer than two images', () => {
    const pairs = diversityPairs(100, 50, 1);
    const score = diversityScore(
      100,
      pairs,
      pairs.map(() => 0.3),
    );
    expect(score.warnings).toEqual(['sampled 50 of 4950 pairs']);
    expect(() => diversityScore(1, [], [])).toThrow(/at least two images/);
  });
});
