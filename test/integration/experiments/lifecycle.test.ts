import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import type { Engine } from '../../../main/api/engine.js';
import { RecordedProvider } from '../../../main/llm/recorded/recorded-provider.js';
import type { JobSummary, RunsExecuteProgress } from '../../../shared/jobs.js';
import type { RunDetail, SamplePage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  call,
  numberedConcepts,
  seedDataset,
  svgAnswer,
  waitForRun,
  writeRecording,
} from '../../fixtures/experiments/engine/draw-fixtures.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const CONCEPTS = numberedConcepts(8);
const promptOf = (text: string) => `write code in the programming language SVG that draws ${text}`;
const ANSWERS = CONCEPTS.map((c, i) => ({ prompt: promptOf(c.text), response: svgAnswer('green', 5 + i) }));

describe('run lifecycle', () => {
  const tmp = tempDataDir('vcheck-lifecycle-');
  let engine: Engine;
  let server: OpenAiTestServer;
  let datasetId = '';
  let recording = '';

  const drawConfig = (models: unknown[], samples = 2) => ({
    kind: 'draw',
    datasetId,
    models,
    languages: ['svg'],
    samples,
    renderSize: 32,
    metrics: { fidelity: false, diversity: false },
  });

  beforeAll(async () => {
    datasetId = seedDataset(tmp.dir, CONCEPTS);
    recording = writeRecording(tmp.dir, ANSWERS);
    // A real HTTP server answering from the recording, slowly enough to pause a run mid-way.
    server = await startOpenAiServer(new RecordedProvider(recording), {
      modelName: 'slow',
      answerDelayMs: 60,
    });
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
    tmp.cleanup();
  });

  it('pauses a running run and resumes it to the end without redoing a sample', async () => {
    const model = { provider: 'openai', endpoint: `${server.url}/v1`, model: 'slow', concurrency: 1 };
    const created = await call<RunDetail>(engine, 'runs.create', { config: drawConfig([model]) });
    const id = created.summary.id;
    expect(await engine.dispatch('runs.resume', { id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    while ((await call<RunDetail>(engine, 'runs.show', { id })).summary.counts.samples < 3)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const paused = await call<RunDetail>(engine, 'runs.pause', { id });
    expect(paused.summary.status).toBe('paused');
    const before = (await call<SamplePage>(engine, 'runs.samples', { id })).samples;
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(16);
    const requestsAtPause = server.stats.chatRequests;

    const progress: RunsExecuteProgress[] = [];
    const unsubscribe = engine.subscribe((event, payload) => {
      if (event !== 'jobs.event' || !('progress' in payload)) return;
      if (payload.progress.kind === 'runs.execute') progress.push(payload.progress);
    });
    const resumed = await call<RunDetail>(engine, 'runs.resume', { id });
    expect(resumed.summary.status).toBe('running');
    const run = await waitForRun(engine, id);
    expect(run.summary.status).toBe('finished');
    unsubscribe();
    // Progress counts samples of the whole run; the resumed attempt reports the earlier ones as skipped.
    const items = progress.filter((p) => p.phase === 'items' && p.runId === id);
    expect(items[0]).toMatchObject({ done: before.length, total: 16, skipped: before.length });
    expect(items.every((p) => p.done <= 16)).toBe(true);
    // The last report (the scoring phase; throttling may swallow the last items one) has the totals.
    expect(progress.at(-1)).toMatchObject({ phase: 'metrics', ok: 16, failed: 0, skipped: before.length });
    expect(progress.at(-1)?.stageMs.llm).toBeGreaterThan(0);
    const after = (await call<SamplePage>(engine, 'runs.samples', { id })).samples;
    expect(after).toHaveLength(16);
    const byId = new Map(after.map((s) => [s.id, s]));
    for (const s of before) expect(byId.get(s.id)).toEqual(s);
    // Whole units that were done are not asked again: at most the interrupted units' repeats are.
    expect(server.stats.chatRequests - requestsAtPause).toBeLessThanOrEqual(16 - before.length + 2);

    const again = await engine.dispatch('runs.resume', { id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('never lets a job write to a finished run', async () => {
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: drawConfig([{ provider: 'recorded', file: recording }], 1),
    });
    const run = await waitForRun(engine, created.summary.id);
    expect(run.summary.status).toBe('finished');
    const job = await call<JobSummary>(engine, 'jobs.start', {
      kind: 'runs.execute',
      params: { runId: run.summary.id },
    });
    for (;;) {
      const now = await call<JobSummary>(engine, 'jobs.get', { id: job.id });
      if (now.status !== 'running' && now.status !== 'queued') {
        expect(now.status).toBe('failed');
        expect(now.error).toMatch(/finished/);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const still = await call<RunDetail>(engine, 'runs.show', { id: run.summary.id });
    expect(still.summary).toEqual(run.summary);
  });

  it('re-runs with changes as a new run and leaves the old one as it was', async () => {
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: drawConfig([{ provider: 'recorded', file: recording }], 1),
      start: false,
    });
    expect(created.summary.status).toBe('created');
    const pause = await engine.dispatch('runs.pause', { id: created.summary.id });
    expect(pause).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const rerun = await call<RunDetail>(engine, 'runs.rerun', {
      id: created.summary.id,
      changes: { samples: 3, slice: { limit: 2 } },
    });
    expect(rerun.parentRunId).toBe(created.summary.id);
    expect(rerun.config).toMatchObject({ samples: 3, slice: { limit: 2, offset: 0 }, seed: 0 });
    const done = await waitForRun(engine, rerun.summary.id);
    expect(done.summary.status).toBe('finished');
    expect(done.summary.counts.samples).toBe(6);
    const old = await call<RunDetail>(engine, 'runs.show', { id: created.summary.id });
    expect(old.config).toEqual(created.config);
    expect(old.summary.status).toBe('created');
    const bad = await engine.dispatch('runs.rerun', { id: created.summary.id, changes: { samples: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('stops a run whose model keeps failing and retries those samples on resume', async () => {
    const broken = writeRecording(tmp.dir, [{ prompt: 'nothing we ask', response: 'x' }], 'broken.jsonl');
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: drawConfig([{ provider: 'recorded', file: broken, label: 'flaky' }], 1),
    });
    const failed = await waitForRun(engine, created.summary.id);
    expect(failed.summary.status).toBe('failed');
    const job = await call<JobSummary>(engine, 'jobs.get', { id: failed.jobId });
    expect(job.error).toMatch(/consecutive units failed.*no recorded answer/);
    const errors = (
      await call<SamplePage>(engine, 'runs.samples', { id: created.summary.id, status: 'llm_error' })
    ).samples;
    expect(errors.length).toBeGreaterThanOrEqual(5);
    expect(errors[0]?.errorText).toMatch(/no recorded answer/);

    writeRecording(tmp.dir, ANSWERS, 'broken.jsonl'); // the recording is fixed
    await call<RunDetail>(engine, 'runs.resume', { id: created.summary.id });
    const run = await waitForRun(engine, created.summary.id);
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus.samples).toEqual({ done: 8 });
    // Each failed sample was asked again (SQLite may reuse the deleted rows' ids).
    const redone = (await call<SamplePage>(engine, 'runs.samples', { id: created.summary.id })).samples;
    for (const sample of redone) {
      expect(sample.errorText).toBeNull();
      expect(sample.response).toBe(ANSWERS[sample.conceptIdx]?.response);
    }
  });

  it('leaves a run interrupted when the engine closes mid-run, and resumes it in the next engine', async () => {
    const other = tempDataDir('vcheck-lifecycle-close-');
    try {
      const otherDataset = seedDataset(other.dir, CONCEPTS);
      const model = { provider: 'openai', endpoint: `${server.url}/v1`, model: 'slow', concurrency: 1 };
      const first = await openEngine({ dataDir: other.dir });
      const created = await call<RunDetail>(first, 'runs.create', {
        config: { ...drawConfig([model], 1), datasetId: otherDataset },
      });
      while (
        (await call<RunDetail>(first, 'runs.show', { id: created.summary.id })).summary.counts.samples < 1
      )
        await new Promise((resolve) => setTimeout(resolve, 10));
      await first.close();
      const second = await openEngine({ dataDir: other.dir });
      try {
        const shown = await call<RunDetail>(second, 'runs.show', { id: created.summary.id });
        expect(shown.summary.status).toBe('interrupted');
        expect(shown.summary.counts.samples).toBeLessThan(8);
        await call<RunDetail>(second, 'runs.resume', { id: created.summary.id });
        const run = await waitForRun(second, created.summary.id);
        expect(run.summary.status).toBe('finished');
        expect(run.byStatus.samples).toEqual({ done: 8 });
      } finally {
        await second.close();
      }
    } finally {
      other.cleanup();
    }
  });

  it('cancels a run, which stays resumable', async () => {
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: drawConfig([{ provider: 'recorded', file: recording }], 1),
      start: false,
    });
    const cancelled = await call<RunDetail>(engine, 'runs.cancel', { id: created.summary.id });
    expect(cancelled.summary.status).toBe('cancelled');
    await call<RunDetail>(engine, 'runs.resume', { id: created.summary.id });
    expect((await waitForRun(engine, created.summary.id)).summary.status).toBe('finished');
  });
});
