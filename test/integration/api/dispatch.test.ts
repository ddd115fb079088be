import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import type { Engine } from '../../../main/api/engine.js';
import { SCHEMA_VERSION } from '../../../main/store/migrations/index.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

describe('contract dispatch', () => {
  const tmp = tempDataDir();
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  const jobCount = async (): Promise<number> => {
    const r = await engine.dispatch('store.stats', {});
    return r.ok ? (r.value as { jobs: number }).jobs : -1;
  };

  it.each([
    ['a negative limit', 'runs.list', { limit: -1 }],
    ['a string where a number goes', 'runs.list', { limit: '10' }],
    ['an unknown field', 'runs.list', { limit: 10, sql: 'DROP TABLE runs' }],
    ['a missing id', 'jobs.cancel', {}],
    ['an unknown job kind', 'jobs.start', { kind: 'rm -rf', params: {} }],
    ['invalid job params', 'jobs.start', { kind: 'store.verify', params: { repair: 'yes' } }],
    ['a non-object request', 'app.info', 'hello'],
  ])('answers %s with a validation error and never runs the handler', async (_what, name, request) => {
    const before = await jobCount();
    const result = await engine.dispatch(name, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await jobCount()).toBe(before);
  });

  it('names unknown calls', async () => {
    expect(await engine.dispatch('runs.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await engine.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('fills defaults and answers a valid call', async () => {
    expect(await engine.dispatch('runs.list', {})).toEqual({ ok: true, value: { runs: [], total: 0 } });
    expect(await engine.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { dataDir: tmp.dir, schemaVersion: SCHEMA_VERSION },
    });
  });

  it('maps a missing entity to not_found', async () => {
    expect(await engine.dispatch('runs.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await engine.dispatch('jobs.resume', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
