import { describe, expect, it } from 'vitest';
import { confusionOf, UNPARSED_LABEL } from '../../../../main/experiments/recognise/confusion.js';

describe('recognition confusion', () => {
  it('counts truth rows against chosen columns with an unparsed column', () => {
    const outcomes = [
      { truth: 'cat', chosen: 'cat' },
      { truth: 'cat', chosen: 'dog' },
      { truth: 'cat', chosen: null },
      { truth: 'dog', chosen: 'dog' },
      { truth: 'dog', chosen: 'cow' },
      { truth: 'dog', chosen: 'dog' },
    ];
    const m = confusionOf(outcomes);
    expect(m.labels).toEqual(['cat', 'cow', 'dog']);
    expect(m.columns).toEqual(['cat', 'cow', 'dog', UNPARSED_LABEL]);
    expect(m.matrix).toEqual([
      [1, 0, 1, 1],
      [0, 0, 0, 0],
      [0, 1, 2, 0],
    ]);
    expect(m.total).toBe(6);
    // Every answer is counted once; the diagonal holds the correct ones.
    expect(m.matrix.flat().reduce((a, b) => a + b, 0)).toBe(outcomes.length);
    const diagonal = m.labels.reduce((sum, _, i) => sum + m.matrix[i]![i]!, 0);
    expect(diagonal).toBe(outcomes.filter((o) => o.chosen === o.truth).length);
  });

  it('is empty without answers', () => {
    expect(confusionOf([])).toEqual({ labels: [], columns: [UNPARSED_LABEL], matrix: [], total: 0 });
  });
});
