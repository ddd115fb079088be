import { describe, expect, it } from 'vitest';
import { builtinObjectEntries, builtinObjects } from '../../../../main/datasets/builtin/objects.js';

describe('built-in object list', () => {
  const entries = builtinObjectEntries();

  it('has exactly 1,000 objects with stable ids obj-0001 … obj-1000 in order', () => {
    expect(entries).toHaveLength(1000);
    entries.forEach((entry, i) => expect(entry.id).toBe(`obj-${String(i + 1).padStart(4, '0')}`));
  });

  it('has no duplicate names, and no name repeated as another object’s synonym', () => {
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(1000);
    const synonyms = entries.flatMap((e) => e.synonyms);
    expect(synonyms.filter((s) => names.includes(s))).toEqual([]);
    expect(new Set(synonyms).size).toBe(synonyms.length);
  });

  it('names are lower-case singular nouns usable in "draws a/an <name>"', () => {
    for (const { name, synonyms } of entries) {
      expect(name).toMatch(/^[a-z][a-z -]*[a-z]$/);
      expect(name).not.toMatch(/^(a|an|the|some) /);
      expect(name).not.toMatch(/ {2}/);
      for (const synonym of synonyms) expect(synonym).toMatch(/^[a-z][a-z -]*[a-z]$/);
    }
    // Plural-only nouns are given as "pair of …" so the article works.
    for (const plural of ['scissors', 'jeans', 'trousers', 'glasses', 'binoculars', 'stairs']) {
      expect(entries.map((e) => e.name)).not.toContain(plural);
    }
  });

  it('starts with the objects most frequent in scene photos', () => {
    expect(entries.slice(0, 6).map((e) => e.name)).toEqual([
      'wall',
      'floor',
      'ceiling',
      'window',
      'person',
      'tree',
    ]);
  });

  it('becomes concept items keyed by id in category objects', () => {
    const [first] = builtinObjects();
    expect(first).toEqual({
      key: 'obj-0001',
      text: 'wall',
      category: 'objects',
      attributes: { source: 'builtin', rank: 1, synonyms: [] },
    });
  });
});
