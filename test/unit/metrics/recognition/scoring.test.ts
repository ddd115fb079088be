import { describe, expect, it } from 'vitest';
import {
  matchFreeForm,
  multipleChoiceAccuracy,
  normaliseAnswer,
  retrievalPercentile,
} from '../../../../main/metrics/recognition/scoring.js';

describe('recognition scoring', () => {
  it('normalises case, punctuation, articles, width and spacing', () => {
    expect(normaliseAnswer('  The Red-Circle. ')).toBe('red circle');
    expect(normaliseAnswer('An   ＡＰＰＬＥ!')).toBe('apple');
    expect(normaliseAnswer('...')).toBe('');
  });

  it('matches free-form answers exactly, by synonym, or as a whole-word phrase', () => {
    expect(matchFreeForm('A red circle.', 'red circle')).toBe('exact');
    expect(matchFreeForm('sofa', 'couch', ['sofa', 'settee'])).toBe('synonym');
    expect(matchFreeForm('I think it is a red circle on white', 'red circle')).toBe('contains');
    expect(matchFreeForm('a credit card', 'red')).toBe('none'); // not a whole word
    expect(matchFreeForm('', 'red circle')).toBe('none');
    expect(matchFreeForm('blue square', 'red circle', ['crimson circle'])).toBe('none');
  });

  it('multiple-choice accuracy counts unparsed answers as wrong', () => {
    const score = multipleChoiceAccuracy([
      { chosen: 'B', correct: 'b' },
      { chosen: 'C', correct: 'B' },
      { chosen: null, correct: 'A' },
      { chosen: 'a dog', correct: 'Dog' },
    ]);
    expect(score).toEqual({ accuracy: 0.5, n: 4, unparsed: 1 });
    expect(() => multipleChoiceAccuracy([])).toThrow(/no answers/);
  });

  it('CLIP-text retrieval percentile ranks the true description among the category', () => {
    // cos with [1,0]: 1, 0.6, 0, −1 → true index 1 beats two of three → 66.7.
    const rank = retrievalPercentile(
      [1, 0],
      [
        [1, 0],
        [0.6, 0.8],
        [0, 1],
        [-1, 0],
      ],
      1,
    );
    expect(rank.percentile).toBeCloseTo(200 / 3, 12);
    expect(rank.trueSimilarity).toBeCloseTo(0.6, 15);
  });
});
