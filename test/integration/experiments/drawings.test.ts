import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import type { DrawingView } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

describe('human drawings through the contract', () => {
  const tmp = tempDataDir();
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  const save = async (request: Record<string, unknown>): Promise<DrawingView> => {
    const result = await engine.dispatch('drawings.save', request);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as DrawingView;
  };

  it('saves a drawing under a new id and gives it back as stored', async () => {
    const strokes = [
      {
        points: [
          [1, 2],
          [3, 4],
        ],
        width: 2,
      },
    ];
    const saved = await save({
      concept: '  house ',
      category: 'buildings',
      language: 'svg',
      code: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 2L3 4"/></svg>',
      strokes,
    });
    expect(saved).toMatchObject({ concept: 'house', category: 'buildings', language: 'svg', strokes });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(saved.createdAt)).not.toBeNaN();
    expect(await engine.dispatch('drawings.get', { id: saved.id })).toEqual({ ok: true, value: saved });
  });

  it('lists drawings newest first', async () => {
    const first = await save({ concept: 'tree', language: 'processing', code: 'line(0, 0, 10, 10);' });
    const second = await save({ concept: 'sun', language: 'processing', code: 'ellipse(5, 5, 4, 4);' });
    expect(first.category).toBeNull();
    expect(first.strokes).toBeNull();
    const listed = await engine.dispatch('drawings.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const ids = (listed.value as DrawingView[]).map((d) => d.id);
    expect(ids.slice(0, 2)).toEqual([second.id, first.id]);
    expect(ids).toHaveLength(3);
  });

  it('answers not_found for an unknown id and validation for a bad drawing', async () => {
    expect(await engine.dispatch('drawings.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    for (const bad of [
      { concept: 'cat', language: 'tikz', code: '\\draw (0,0) circle (1);' },
      { concept: ' ', language: 'svg', code: '<svg/>' },
      { concept: 'cat', language: 'svg', code: '' },
    ])
      expect(await engine.dispatch('drawings.save', bad)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
  });
});
