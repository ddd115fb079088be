import { beforeAll, describe, expect, it } from 'vitest';
import { attributeDefinition, sampleItems, type ShapeItem } from '../../../../main/datasets/shapes/index.js';

/** Words that begin with a vowel sound, so take "an" (written by hand, not derived from the code). */
const VOWEL_SOUND = new Set([
  ...[
    'L-shape',
    'x-mark',
    'asterisk',
    'arrow',
    'ellipse',
    'ellipsoid',
    'extra-thick',
    'icosahedron',
    'isometric',
  ],
  ...[
    'irregular',
    'octagon',
    'octahedron',
    'opaque',
    'open',
    'orange',
    'outlined',
    'oval',
    'hour',
    'upright',
  ],
]);
/** Words that begin with a vowel letter but a consonant sound, so take "a". */
const CONSONANT_SOUND_VOWEL_LETTER = new Set(['U-shape', 'unicorn', 'uniform', 'one-sided', 'European']);

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
};

/** Plurals of every shape that can come in groups, written by hand. */
const PLURALS: Readonly<Record<string, readonly [string, string]>> = {
  dot: ['dot', 'dots'],
  'x-mark': ['x-mark', 'x-marks'],
  'plus-sign': ['plus sign', 'plus signs'],
  asterisk: ['asterisk', 'asterisks'],
  line: ['line', 'lines'],
  circle: ['circle', 'circles'],
  ellipse: ['ellipse', 'ellipses'],
  triangle: ['triangle', 'triangles'],
  square: ['square', 'squares'],
  rectangle: ['rectangle', 'rectangles'],
  rhombus: ['rhombus', 'rhombi'],
  trapezoid: ['trapezoid', 'trapezoids'],
  parallelogram: ['parallelogram', 'parallelograms'],
  kite: ['kite', 'kites'],
  pentagon: ['pentagon', 'pentagons'],
  hexagon: ['hexagon', 'hexagons'],
  heptagon: ['heptagon', 'heptagons'],
  octagon: ['octagon', 'octagons'],
  star: ['star', 'stars'],
  heart: ['heart', 'hearts'],
  crescent: ['crescent', 'crescents'],
  cross: ['cross', 'crosses'],
  semicircle: ['semicircle', 'semicircles'],
  ring: ['ring', 'rings'],
  'l-shape': ['L-shape', 'L-shapes'],
  'u-shape': ['U-shape', 'U-shapes'],
};

let sample: ShapeItem[] = [];
beforeAll(() => {
  sample = sampleItems({ seed: 99, size: 50_000 });
});

/** The descriptions that break `rule`, with the first few shown when the test fails. */
function offenders(rule: (item: ShapeItem) => boolean): string[] {
  return sample.filter((item) => !rule(item)).map((item) => item.description);
}

describe('grammar over a 50,000-item sample', () => {
  it('has no doubled words, stray spaces or stray punctuation', () => {
    expect(offenders((item) => !/\b([\w-]+) \1\b/i.test(item.description))).toEqual([]);
    expect(offenders(({ description: d }) => d === d.trim() && !d.includes('  '))).toEqual([]);
    expect(offenders(({ description: d }) => !/\s,|,,|,$|[.;:!?]$/.test(d))).toEqual([]);
  });

  it('starts every description in lower case with an article or a number word', () => {
    const start = /^(a|an|two|three|four|five|six|seven|eight|nine) [a-zLU]/;
    expect(offenders((item) => start.test(item.description))).toEqual([]);
  });

  it('chooses "a" or "an" by the sound of the next word', () => {
    const wrong = sample.flatMap(({ description }) =>
      [...description.matchAll(/\b(a|an) ([^\s,]+)/g)].flatMap(([, article, word = '']) => {
        const ok =
          article === 'an'
            ? VOWEL_SOUND.has(word)
            : !VOWEL_SOUND.has(word) && (/^[^aeiou]/i.test(word) || CONSONANT_SOUND_VOWEL_LETTER.has(word));
        return ok ? [] : [`${article} ${word}`];
      }),
    );
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('writes counts as words, never as digits or "one", and uses the plural after them', () => {
    expect(offenders(({ description: d }) => !/\d/.test(d.replace(/rotated \d+ degrees/, '')))).toEqual([]);
    expect(offenders(({ description: d }) => !/^one\b/.test(d))).toEqual([]);
    const groups = sample.filter((item) => item.attributes.count !== undefined);
    expect(groups.length).toBeGreaterThan(1000);
    const wrong = groups.filter(({ description, attributes, shapes }) => {
      const [singular, plural] = PLURALS[shapes[0] ?? ''] ?? ['?', '?'];
      const withoutPlaces = description.replace(/ arranged in a triangle| in a circle/, '');
      return (
        !description.startsWith(`${NUMBER_WORDS[attributes.count ?? '']} `) ||
        !` ${description} `.includes(` ${plural} `) ||
        new RegExp(`\\b${singular}\\b(?!-)`).test(withoutPlaces.replace(plural, ''))
      );
    });
    expect(wrong.map((item) => item.description)).toEqual([]);
  });

  it('uses the singular with an article for single items', () => {
    const singles = sample.filter((item) => item.attributes.count === undefined);
    expect(
      offenders((item) => item.attributes.count !== undefined || /^an? /.test(item.description)),
    ).toEqual([]);
    const plural = singles.filter(({ description, shapes }) => {
      const entry = PLURALS[shapes[0] ?? ''];
      return entry !== undefined && ` ${description} `.includes(` ${entry[1]} `);
    });
    expect(plural.map((item) => item.description)).toEqual([]);
  });

  it('uses capitals only for point labels and the L- and U-shapes', () => {
    const rest = (d: string) => d.replace(/labelled [A-Z]\b/, '').replace(/\b[LU]-shapes?\b/g, '');
    expect(offenders(({ description }) => !/[A-Z]/.test(rest(description)))).toEqual([]);
  });

  it('says every attribute the item has', () => {
    const silent = sample.flatMap(({ description, attributes }) =>
      Object.entries(attributes).flatMap(([key, id]) => {
        if (key === 'count')
          return description.startsWith(NUMBER_WORDS[id ?? ''] ?? '?') ? [] : [`${key}: ${description}`];
        const value = attributeDefinition(key)?.values.find((candidate) => candidate.id === id);
        const words = [value?.text ?? '?', value?.after ?? ''];
        return words.every((word) => description.includes(word)) ? [] : [`${key}: ${description}`];
      }),
    );
    expect(silent).toEqual([]);
  });
});
