import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../../../main/experiments/recognise/choice-answer.js';

const options = ['house', 'red house', 'tree', 'car', 'sun'];

describe('parsing a multiple-choice answer', () => {
  it.each([
    ['3', 'tree'],
    ['  4\n', 'car'],
    ['2.', 'red house'],
    ['**5**', 'sun'],
    ['Option 1', 'house'],
    ['Answer: 3 (a tree)', 'tree'],
    ['(4) car', 'car'],
    ['The answer is 3.', 'tree'],
  ])('reads the number in %j', (answer, expected) => {
    expect(parseChoice(answer, options)).toBe(expected);
  });

  it.each([
    ['It draws a tree.', 'tree'],
    ['This is a red house with a chimney', 'red house'],
    ['A house, maybe a red house', 'house'],
    ['The SUN!', 'sun'],
  ])('reads the option named in %j', (answer, expected) => {
    expect(parseChoice(answer, options)).toBe(expected);
  });

  it('prefers an opening number over option text later on', () => {
    expect(parseChoice('4 — not a tree', options)).toBe('car');
  });

  it('ignores numbers out of range, inside words, decimals and ranges', () => {
    expect(parseChoice('7', options)).toBeNull();
    expect(parseChoice('It uses rgb2 and 0.5 opacity and 3-4 lines', options)).toBeNull();
    expect(parseChoice('I think 9, no wait, 2', options)).toBe('red house');
  });

  it('gives null when nothing names an option', () => {
    expect(parseChoice('', options)).toBeNull();
    expect(parseChoice('A spaceship.', options)).toBeNull();
    expect(parseChoice('treehouse', options)).toBeNull();
  });
});
