import { describe, expect, it } from 'vitest';
import { builtinSceneEntries, builtinScenes } from '../../../../main/datasets/builtin/scenes.js';
import { normaliseConceptText } from '../../../../main/datasets/concept-item.js';

const VOWEL_SOUND_EXCEPTIONS = /^(uni|use|one|euro)/;

describe('built-in scene descriptions', () => {
  const entries = builtinSceneEntries();
  const texts = entries.map((e) => e.text);

  it('has exactly 1,000 unique scenes with stable ids', () => {
    expect(entries).toHaveLength(1000);
    expect(new Set(texts).size).toBe(1000);
    entries.forEach((entry, i) => expect(entry.id).toBe(`scn-${String(i + 1).padStart(4, '0')}`));
  });

  it('reads like COCO captions: lower-case, 6–20 words, no trailing period, already normalised', () => {
    for (const text of texts) {
      expect(text).toBe(normaliseConceptText(text, 'caption'));
      expect(text).toBe(text.toLowerCase());
      expect(text).not.toMatch(/[.\s]$/);
      const words = text.split(' ').length;
      expect(words).toBeGreaterThanOrEqual(6);
      expect(words).toBeLessThanOrEqual(20);
    }
  });

  it('has no doubled words and correct articles', () => {
    for (const text of texts) {
      const words = text.replace(/,/g, '').split(' ');
      words.slice(1).forEach((word, i) => expect(`${words[i]} ${word}`).not.toMatch(/^(\S+) \1$/));
      words.slice(1).forEach((word, i) => {
        if (words[i] === 'a') expect(/^[aeiou]/.test(word) && !VOWEL_SOUND_EXCEPTIONS.test(word)).toBe(false);
        if (words[i] === 'an') expect(/^[aeiou]/.test(word)).toBe(true);
      });
    }
  });

  it('is varied: indoor and outdoor scenes over at least eight themes', () => {
    const themes = new Map<string, number>();
    for (const entry of entries) themes.set(entry.theme, (themes.get(entry.theme) ?? 0) + 1);
    expect(themes.size).toBeGreaterThanOrEqual(8);
    for (const count of themes.values()) expect(count).toBeGreaterThanOrEqual(50);
    const indoor = entries.filter((e) => e.setting === 'indoor').length;
    expect(indoor).toBeGreaterThan(150);
    expect(1000 - indoor).toBeGreaterThan(500);
  });

  it('becomes concept items keyed by id in category scenes', () => {
    const items = builtinScenes();
    expect(items[0]).toEqual({
      key: entries[0]?.id,
      text: entries[0]?.text,
      category: 'scenes',
      attributes: { source: 'builtin', setting: entries[0]?.setting, theme: entries[0]?.theme },
    });
  });
});
