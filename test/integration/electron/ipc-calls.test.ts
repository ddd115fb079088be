import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { answerIpcCall } from '../../../main/electron/ipc-calls.js';
import { APP_ENTRY_URL } from '../../../main/electron/navigation.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';

describe('IPC calls answered by the real engine', () => {
  const data = tempDataDir('vcheck-ipc-');
  let engine: Engine;

  beforeAll(async () => {
    seedStore(data.dir, { runs: 2 });
    engine = await openEngine({ dataDir: data.dir });
  });
  afterAll(async () => {
    await engine.close();
    data.cleanup();
  });

  it('dispatches a call from our app frame', async () => {
    const answer = await answerIpcCall(engine, 'runs.list', APP_ENTRY_URL, { limit: 10 });
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer)).toContain('seeded run 1');
  });

  it('passes malformed requests to the engine, which refuses them with a validation error', async () => {
    const answer = await answerIpcCall(engine, 'runs.list', APP_ENTRY_URL, { limit: 'all' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it.each([undefined, 'https://example.org/', 'file:///tmp/index.html', 'app://other/'])(
    'refuses a frame at %s without dispatching',
    async (frameUrl) => {
      const started = await answerIpcCall(engine, 'jobs.start', frameUrl, { kind: 'store.verify' });
      expect(started).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const jobs = await engine.dispatch('jobs.list', {});
      expect(jobs).toEqual({ ok: true, value: [] });
    },
  );
});
