import { describe, expect, it } from 'vitest';
import { catalogueEntry, modelCatalogue } from '../../../main/llm/models/catalogue.js';

describe('model catalogue', () => {
  it('lists a few code-capable GGUF models with unique ids and direct file URLs', () => {
    const models = modelCatalogue();
    expect(models.length).toBeGreaterThanOrEqual(3);
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
    for (const m of models) {
      expect(m.url).toMatch(/^https:\/\/huggingface\.co\/.+\/resolve\/main\/.+\.gguf$/);
      expect(m.url.toLowerCase()).toContain(m.quantisation.toLowerCase());
    }
    expect(catalogueEntry(models[0]?.id ?? '')).toEqual(models[0]);
    expect(catalogueEntry('nope')).toBeUndefined();
  });
});
