import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import type { JobSummary } from '../../../shared/jobs.js';
import { openStore } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';

const IMAGES = 3000;

/** Runs the job in a child process and kills it with SIGKILL once `killAfter` items were reported. */
async function runAndKill(dataDir: string, killAfter: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/run-verify-job.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let jobId = '';
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('job ')) jobId = line.slice(4);
    if (line.startsWith('progress ') && Number(line.slice(9)) >= killAfter) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return jobId;
}

describe('a job killed mid-way', () => {
  const tmp = tempDataDir();
  beforeAll(() => {
    seedStore(tmp.dir, { images: IMAGES, imageSize: 48 });
  });
  afterAll(() => tmp.cleanup());

  it('is marked interrupted at the next open and resumes without redoing committed items', async () => {
    const jobId = await runAndKill(tmp.dir, 200);
    expect(jobId).not.toBe('');

    // What the dead process committed, read straight from the SQLite file.
    const store = openStore({ dataDir: tmp.dir });
    const before = store.jobs.items(jobId);
    expect(store.jobs.get(jobId)?.status).toBe('running');
    store.close();
    expect(before.length).toBeGreaterThanOrEqual(200);
    expect(before.length).toBeLessThan(IMAGES);

    const engine = await openEngine({ dataDir: tmp.dir });
    try {
      const job = await engine.dispatch('jobs.get', { id: jobId });
      expect(job).toMatchObject({ ok: true, value: { status: 'interrupted' } });
      const resumed = await engine.dispatch('jobs.resume', { id: jobId });
      expect(resumed).toMatchObject({ ok: true, value: { status: 'running', attempt: 2 } });
      const final = await waitForEnd(engine, jobId);
      expect(final.status).toBe('succeeded');
      expect(final.result).toMatchObject({ checked: IMAGES, ok: IMAGES, corrupt: [], missing: [] });
    } finally {
      await engine.close();
    }

    const after = openStore({ dataDir: tmp.dir });
    const items = after.jobs.items(jobId);
    after.close();
    expect(items).toHaveLength(IMAGES);
    // Every item the first attempt committed is untouched: same attempt, same commit time.
    const byKey = new Map(items.map((i) => [i.key, i]));
    for (const item of before) expect(byKey.get(item.key)).toEqual(item);
    expect(items.filter((i) => i.attempt === 2)).toHaveLength(IMAGES - before.length);
  });
});

async function waitForEnd(engine: Awaited<ReturnType<typeof openEngine>>, id: string): Promise<JobSummary> {
  for (;;) {
    const r = await engine.dispatch('jobs.get', { id });
    if (!r.ok) throw new Error(r.error.message);
    const job = r.value as JobSummary;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
