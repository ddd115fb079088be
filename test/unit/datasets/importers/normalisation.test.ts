import { describe, expect, it } from 'vitest';
import { ConceptCollector, dedupKey, normaliseConceptText } from '../../../../main/datasets/concept-item.js';

describe('concept text normalisation', () => {
  it('plain: NFC, one space for any whitespace run, trimmed; case and punctuation kept', () => {
    expect(normaliseConceptText('  a  red\tcircle\u00a0on\nwhite. ')).toBe('a red circle on white.');
    expect(normaliseConceptText('Cafe\u0301')).toBe('Café');
    expect(normaliseConceptText('Cafe\u0301').length).toBe(4);
    expect(normaliseConceptText(' \t ')).toBe('');
  });

  it('caption: drops trailing periods and lower-cases the first letter unless it starts an acronym', () => {
    expect(normaliseConceptText(' A man riding a wave on top of a surfboard. ', 'caption')).toBe(
      'a man riding a wave on top of a surfboard',
    );
    expect(normaliseConceptText('TV on a stand in Central Park..', 'caption')).toBe(
      'TV on a stand in Central Park',
    );
    expect(normaliseConceptText('A TV next to a lamp', 'caption')).toBe('a TV next to a lamp');
    expect(normaliseConceptText('A MAN RIDING A HORSE.', 'caption')).toBe('a man riding a horse');
    expect(normaliseConceptText('is this a dog?', 'caption')).toBe('is this a dog?');
  });

  it('dedups case-insensitively after normalisation; the first occurrence wins; counts drops', () => {
    const collector = new ConceptCollector();
    const texts = ['Red Apple', 'red apple', 'RED APPLE', '', 'pear'];
    texts.forEach((text, i) => collector.offer({ key: `k${i}`, text, category: 'c', attributes: {} }));
    expect(collector.items().map((item) => item.key)).toEqual(['k0', 'k4']);
    expect(collector.stats()).toEqual({ read: 5, kept: 2, duplicatesDropped: 2, emptyDropped: 1 });
    expect(dedupKey('Straße')).toBe('straße');
  });
});
