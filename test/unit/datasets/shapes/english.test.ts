import { describe, expect, it } from 'vitest';
import { indefiniteArticle, numberWord, pluralize } from '../../../../main/datasets/shapes/english.js';

describe('indefinite articles', () => {
  it('chooses "an" before a vowel sound', () => {
    for (const word of [
      'orange',
      'isometric',
      'octagon',
      'ellipse',
      'extra-thick',
      'opaque',
      'icosahedron',
      'hour',
      'honest',
    ]) {
      expect(indefiniteArticle(word), word).toBe('an');
    }
  });

  it('chooses "a" before a consonant sound, including vowel letters that sound like consonants', () => {
    for (const word of [
      'hexagon',
      'heptagon',
      'unicorn',
      'uniform',
      'unique',
      'European',
      'one-way',
      'useful',
      'red',
    ]) {
      expect(indefiniteArticle(word), word).toBe('a');
    }
  });

  it('keeps "an" for un- words that are not "yoo" words', () => {
    for (const word of ['unusual', 'umbrella', 'unimportant', 'uninteresting', 'unidentified', 'onerous']) {
      expect(indefiniteArticle(word), word).toBe('an');
    }
  });

  it('reads letters and short acronyms by their names', () => {
    expect(indefiniteArticle('x-mark')).toBe('an');
    expect(indefiniteArticle('L-shape')).toBe('an');
    expect(indefiniteArticle('U-shape')).toBe('a');
    expect(indefiniteArticle('FBI agent')).toBe('an');
    expect(indefiniteArticle('UFO')).toBe('a');
  });

  it('reads numbers by their sound', () => {
    expect(indefiniteArticle('8-sided star')).toBe('an');
    expect(indefiniteArticle('11')).toBe('an');
    expect(indefiniteArticle('18th-century clock')).toBe('an'); // "an eighteenth"
    expect(indefiniteArticle('80')).toBe('an');
    expect(indefiniteArticle('3D cube')).toBe('a');
    expect(indefiniteArticle('110')).toBe('a');
  });

  it('only looks at the first word of a phrase', () => {
    expect(indefiniteArticle('small orange circle')).toBe('a');
    expect(indefiniteArticle('orange small circle')).toBe('an');
  });
});

describe('plurals', () => {
  it('uses classical plurals for geometric -us and -hedron nouns, and regular ones elsewhere', () => {
    const expected: Record<string, string> = {
      rhombus: 'rhombi',
      torus: 'tori',
      icosahedron: 'icosahedra',
      tetrahedron: 'tetrahedra',
      cross: 'crosses',
      ellipse: 'ellipses',
      ellipsis: 'ellipses',
      box: 'boxes',
      patch: 'patches',
      'plus sign': 'plus signs',
      'x-mark': 'x-marks',
      'L-shape': 'L-shapes',
      'double-headed arrow': 'double-headed arrows',
      'triangular prism': 'triangular prisms',
      body: 'bodies',
      key: 'keys',
    };
    for (const [singular, plural] of Object.entries(expected))
      expect(pluralize(singular), singular).toBe(plural);
  });
});

describe('number words', () => {
  it('writes counts as words and refuses what it cannot say', () => {
    expect([2, 3, 9, 12].map(numberWord)).toEqual(['two', 'three', 'nine', 'twelve']);
    expect(() => numberWord(13)).toThrow(RangeError);
    expect(() => numberWord(-1)).toThrow(RangeError);
  });
});
