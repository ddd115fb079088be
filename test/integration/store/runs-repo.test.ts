import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeStats } from '../../../main/store/repos/stats-repo.js';
import { openStore, type Store } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';

describe('runs repository', () => {
  let tmp: ReturnType<typeof tempDataDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDataDir();
  });
  afterEach(() => {
    store?.close();
    tmp.cleanup();
  });

  it('round-trips a run with its config and counts its samples and renders', () => {
    const { runIds } = seedStore(tmp.dir, { runs: 3, images: 1 });
    store = openStore({ dataDir: tmp.dir });
    const page = store.runs.list({ limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.runs).toHaveLength(2);
    const run = store.runs.get(runIds[0] ?? '');
    expect(run).toMatchObject({
      name: 'seeded run 1',
      kind: 'draw',
      status: 'finished',
      counts: { samples: 1, renders: 1, rendersOk: 1 },
    });
    const config = store.db.prepare('SELECT config_json FROM runs WHERE id = ?').get(runIds[0]) as {
      config_json: string;
    };
    expect(JSON.parse(config.config_json)).toEqual({ seeded: true, index: 0 });
    expect(store.runs.get('nope')).toBeNull();
  });

  it('filters by status and pages without overlap', () => {
    seedStore(tmp.dir, { runs: 5 });
    store = openStore({ dataDir: tmp.dir });
    store.runs.insert({ name: 'fresh', kind: 'recognise', config: {}, configVersion: 1, appVersion: 't' });
    expect(store.runs.list({ limit: 10, offset: 0, status: 'created' }).runs.map((r) => r.name)).toEqual([
      'fresh',
    ]);
    const first = store.runs.list({ limit: 3, offset: 0 }).runs.map((r) => r.id);
    const second = store.runs.list({ limit: 3, offset: 3 }).runs.map((r) => r.id);
    expect(new Set([...first, ...second]).size).toBe(6);
    expect(storeStats(store.db)).toMatchObject({ runs: 6, samples: 5, renders: 5 });
  });
});
