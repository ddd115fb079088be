import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { computeRunMetrics } from '../../../main/metrics/run/compute-run.js';
import { openStore } from '../../../main/store/store.js';
import type { JobEvent, JobSummary, MetricsComputeProgress } from '../../../shared/jobs.js';
import type { MetricRecord } from '../../../shared/metrics.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { samplePngs, seedRun } from '../../fixtures/metrics/seeded-run.js';
import { writeTinyClipFolder } from '../../fixtures/onnx/tiny-clip-folder.js';
import { tinyLpipsModel, tinyLpipsWeights } from '../../fixtures/onnx/tiny-lpips.js';

const tmp = tempDataDir('vcheck-metrics-job-');
let engine: Engine;
let runId = '';
const events: JobEvent[] = [];
/** When set, the first progress event of a `metrics.compute` job cancels it. */
let cancelOnProgress = false;

async function finished(id: string): Promise<JobSummary> {
  for (;;) {
    const r = await engine.dispatch('jobs.get', { id });
    if (!r.ok) throw new Error(r.error.message);
    const job = r.value as JobSummary;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function runJob(params: Record<string, unknown>): Promise<JobSummary> {
  const started = await engine.dispatch('jobs.start', { kind: 'metrics.compute', params });
  if (!started.ok) throw new Error(started.error.message);
  return finished((started.value as JobSummary).id);
}

async function stored(): Promise<MetricRecord[]> {
  const r = await engine.dispatch('metrics.forRun', { runId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as MetricRecord[];
}

beforeAll(async () => {
  const models = path.join(tmp.dir, 'models', 'metrics');
  writeTinyClipFolder(path.join(models, 'clip-vit-b32'));
  mkdirSync(path.join(models, 'lpips-alex'), { recursive: true });
  writeFileSync(path.join(models, 'lpips-alex', 'model.onnx'), tinyLpipsModel(tinyLpipsWeights()));
  runId = seedRun(tmp.dir, samplePngs());
  engine = await openEngine({ dataDir: tmp.dir });
  engine.subscribe((name, payload) => {
    if (name !== 'jobs.event') return;
    const event = payload as JobEvent;
    events.push(event);
    if (cancelOnProgress && event.type === 'progress' && event.progress.kind === 'metrics.compute') {
      cancelOnProgress = false;
      void engine.dispatch('jobs.cancel', { id: event.jobId });
    }
  });
});
afterAll(async () => {
  await engine.close();
  tmp.cleanup();
});

describe('metrics.compute job (seeded run, tiny CLIP and LPIPS)', () => {
  let before: MetricRecord[] = [];

  it('scores the run, reporting progress per phase, with the same scores as the direct computation', async () => {
    const job = await runJob({ runId, seed: 3 });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({
      kind: 'metrics.compute',
      runId,
      images: 5,
      names: ['fidelity.percentile', 'clip.score', 'diversity.lpips'],
    });
    const progress = events
      .filter((e) => e.type === 'progress' && e.jobId === job.id)
      .map((e) => (e as { progress: MetricsComputeProgress }).progress);
    // Throttled delivery keeps the first report (the one CLIP batch) and the last.
    expect(progress[0]).toMatchObject({ phase: 'fidelity', done: 1, total: 1 });
    expect(progress.at(-1)).toMatchObject({ phase: 'aggregate', done: 2, total: 2, fraction: 1 });
    before = await stored();
    expect(before.length).toBe((job.result as { stored: number }).stored);
    // The same request through the plain computation (no job) stores the same numbers.
    const store = openStore({ dataDir: tmp.dir });
    try {
      await computeRunMetrics(store, {
        runId,
        fidelity: true,
        diversity: true,
        seed: 3,
        pairCap: 1000,
        resamples: 1000,
      });
    } finally {
      store.close();
    }
    expect(await stored()).toEqual(before);
  });

  it('a job cancelled mid-way ends cancelled and leaves the previous scores untouched', async () => {
    cancelOnProgress = true;
    // Another seed changes every bootstrap interval: a partial or complete write would show.
    const job = await runJob({ runId, seed: 7 });
    expect(job.status).toBe('cancelled');
    expect(cancelOnProgress).toBe(false);
    expect(await stored()).toEqual(before);
    const done = await runJob({ runId, seed: 7 });
    expect(done.status).toBe('succeeded');
    const after = await stored();
    expect(after).not.toEqual(before);
    expect(after).toHaveLength(before.length);
  });

  it('a run that does not exist fails the job with the reason', async () => {
    const job = await runJob({ runId: 'no-such-run' });
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error).toMatch(/No run no-such-run/);
  });
});
