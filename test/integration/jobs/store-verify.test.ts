import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import type { Engine } from '../../../main/api/engine.js';
import type { JobEvent, JobSummary } from '../../../shared/jobs.js';
import { openStore } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { makePng } from '../../fixtures/png.js';
import { seedStore } from '../../fixtures/seed.js';

async function finished(engine: Engine, id: string): Promise<JobSummary> {
  for (;;) {
    const r = await engine.dispatch('jobs.get', { id });
    if (!r.ok) throw new Error(r.error.message);
    const job = r.value as JobSummary;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('store.verify job', () => {
  let tmp: ReturnType<typeof tempDataDir>;
  let engine: Engine;
  beforeEach(() => {
    tmp = tempDataDir();
  });
  afterEach(async () => {
    await engine?.close();
    tmp.cleanup();
  });

  it('finds corrupt, missing and unindexed images and streams typed progress', async () => {
    const { imageHashes } = seedStore(tmp.dir, { images: 40 });
    const store = openStore({ dataDir: tmp.dir });
    const [corrupt, missing] = imageHashes as [string, string];
    writeFileSync(store.images.pathOf(corrupt) ?? '', makePng(16, 16, 999)); // wrong bytes under the name
    rmSync(store.images.pathOf(missing) ?? '');
    const stray = makePng(5, 5, 4242);
    const strayHash = store.images.put(stray).hash;
    store.db.prepare('DELETE FROM images WHERE hash = ?').run(strayHash);
    store.close();

    engine = await openEngine({ dataDir: tmp.dir });
    const events: JobEvent[] = [];
    engine.subscribe((name, payload) => name === 'jobs.event' && events.push(payload as JobEvent));
    const started = await engine.dispatch('jobs.start', { kind: 'store.verify', params: {} });
    expect(started).toMatchObject({ ok: true, value: { status: 'running', kind: 'store.verify' } });
    const job = await finished(engine, (started as { value: JobSummary }).value.id);

    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ checked: 41, ok: 38, unreferencedFiles: 1, missing: [missing] });
    expect(job.result).toMatchObject({
      corrupt: [{ hash: corrupt, reason: expect.stringMatching(/content hash/) }],
    });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({
      progress: { kind: 'store.verify', done: 41, total: 41, fraction: 1 },
    });
    expect(
      events.filter((e) => e.type === 'status').map((e) => (e as { job: JobSummary }).job.status),
    ).toEqual(['queued', 'running', 'succeeded']);
  });

  it('repair indexes stray files and drops rows of missing ones, never deleting files', async () => {
    const { imageHashes } = seedStore(tmp.dir, { images: 3 });
    const store = openStore({ dataDir: tmp.dir });
    rmSync(store.images.pathOf(imageHashes[0] ?? '') ?? '');
    store.close();
    engine = await openEngine({ dataDir: tmp.dir });
    const started = await engine.dispatch('jobs.start', { kind: 'store.verify', params: { repair: true } });
    await finished(engine, (started as { value: JobSummary }).value.id);
    const stats = await engine.dispatch('store.stats', {});
    expect(stats).toMatchObject({ ok: true, value: { images: 2 } });
  });

  it('can be cancelled, and a cancelled job resumes to completion', async () => {
    seedStore(tmp.dir, { images: 1500, imageSize: 32 });
    engine = await openEngine({ dataDir: tmp.dir });
    const started = await engine.dispatch('jobs.start', { kind: 'store.verify', params: {} });
    const id = (started as { value: JobSummary }).value.id;
    const cancelled = await engine.dispatch('jobs.cancel', { id });
    expect(cancelled.ok).toBe(true);
    expect((await finished(engine, id)).status).toBe('cancelled');
    const resumed = await engine.dispatch('jobs.resume', { id });
    expect(resumed).toMatchObject({ ok: true, value: { attempt: 2 } });
    expect(await finished(engine, id)).toMatchObject({ status: 'succeeded', result: { checked: 1500 } });
    expect(await engine.dispatch('jobs.resume', { id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
