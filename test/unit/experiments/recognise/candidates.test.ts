import { describe, expect, it } from 'vitest';
import { chooseCandidates, sortedDistinct } from '../../../../main/experiments/recognise/candidates.js';

const animals = sortedDistinct(['cat', 'dog', 'horse', 'cow', 'sheep', 'goat', 'pig']);
const vehicles = sortedDistinct(['car', 'bus', 'bicycle', 'train', 'boat']);
const everything = sortedDistinct([...animals, ...vehicles]);

describe('multiple-choice candidates', () => {
  it('shows the truth exactly once among the asked number of distinct options', () => {
    for (let seed = 0; seed < 50; seed++) {
      const options = chooseCandidates(
        'cat',
        { sameCategory: animals, others: everything },
        5,
        seed,
        'file:a',
      );
      expect(options).toHaveLength(5);
      expect(options.filter((o) => o === 'cat')).toHaveLength(1);
      expect(new Set(options).size).toBe(5);
    }
  });

  it('draws the distractors from the truth’s category while it has enough', () => {
    for (let seed = 0; seed < 50; seed++) {
      const options = chooseCandidates('cat', { sameCategory: animals, others: everything }, 5, seed, 'x');
      for (const o of options) expect(animals).toContain(o);
    }
  });

  it('fills up with other concepts when the category has too few', () => {
    const options = chooseCandidates('cat', { sameCategory: ['cat', 'dog'], others: everything }, 6, 3, 'x');
    expect(options).toHaveLength(6);
    expect(options).toContain('dog');
    expect(options.filter((o) => vehicles.includes(o)).length).toBeGreaterThan(0);
  });

  it('offers fewer options when there are not enough concepts at all', () => {
    expect(
      chooseCandidates('cat', { sameCategory: ['cat'], others: ['cat', 'dog'] }, 5, 0, 'x').sort(),
    ).toEqual(['cat', 'dog']);
  });

  it('never offers a distractor that reads like the truth', () => {
    const pool = { sameCategory: ['The Cat.', 'cat', 'CAT', 'dog', 'cow'], others: [] };
    const options = chooseCandidates('cat', pool, 5, 1, 'x');
    expect(options.sort()).toEqual(['cat', 'cow', 'dog']);
  });

  it('is reproducible from the seed and the input, and varies with either', () => {
    const pool = { sameCategory: animals, others: everything };
    const a = chooseCandidates('cat', pool, 4, 7, 'drawing:1');
    expect(chooseCandidates('cat', pool, 4, 7, 'drawing:1')).toEqual(a);
    // The pool's order does not matter once it is sorted.
    const reordered = { sameCategory: sortedDistinct([...animals].reverse()), others: everything };
    expect(chooseCandidates('cat', reordered, 4, 7, 'drawing:1')).toEqual(a);
    const bySeed = new Set<string>();
    const byInput = new Set<string>();
    for (let i = 0; i < 20; i++) {
      bySeed.add(chooseCandidates('cat', pool, 4, i, 'drawing:1').join('|'));
      byInput.add(chooseCandidates('cat', pool, 4, 7, `drawing:${i}`).join('|'));
    }
    expect(bySeed.size).toBeGreaterThan(10);
    expect(byInput.size).toBeGreaterThan(10);
  });

  it('puts the truth at every position over many inputs (the order is shuffled)', () => {
    const positions = new Set<number>();
    for (let i = 0; i < 60; i++)
      positions.add(
        chooseCandidates('cat', { sameCategory: animals, others: [] }, 5, 0, `f${i}`).indexOf('cat'),
      );
    expect([...positions].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
