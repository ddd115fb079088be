import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import type { Engine } from '../../../main/api/engine.js';
import type { JobSummary } from '../../../shared/jobs.js';
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

const CONCEPTS = numberedConcepts(3);
const COLOURS = ['red', 'blue'];
const promptOf = (text: string) => `write code in the programming language SVG that draws ${text}`;

describe('a draw run on recorded answers', () => {
  const tmp = tempDataDir('vcheck-draw-recorded-');
  let engine: Engine;
  let recording = '';
  let datasetId = '';

  beforeAll(async () => {
    datasetId = seedDataset(tmp.dir, CONCEPTS);
    recording = writeRecording(
      tmp.dir,
      CONCEPTS.flatMap((c, i) =>
        COLOURS.map((colour) => ({ prompt: promptOf(c.text), response: svgAnswer(colour, 10 + i) })),
      ),
    );
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  it('asks the study prompt, renders every answer and stores the images', async () => {
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: {
        kind: 'draw',
        datasetId,
        models: [{ provider: 'recorded', file: recording, label: 'rec' }],
        languages: ['svg'],
        samples: 2,
        renderSize: 64,
        seed: 7,
      },
    });
    expect(created.summary.status).toBe('running');
    // A dataset a run used is immutable from then on.
    expect(await call(engine, 'datasets.get', { id: datasetId })).toMatchObject({ locked: true });
    const run = await waitForRun(engine, created.summary.id);
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus).toEqual({ samples: { done: 6 }, renders: { ok: 6 } });

    const page = await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id });
    expect(page.total).toBe(6);
    for (const sample of page.samples) {
      const concept = CONCEPTS[sample.conceptIdx]!;
      // Repeat i replays the prompt's i-th recorded answer (file order).
      expect(sample.response).toBe(svgAnswer(COLOURS[sample.sampleIndex]!, 10 + sample.conceptIdx));
      expect(sample.code).toContain(`fill="${COLOURS[sample.sampleIndex]}"`);
      expect(sample.text).toBe(concept.text);
      expect(sample.render?.status).toBe('ok');
      const file = engine.imagePath(sample.render!.imageHash!);
      expect(file).not.toBeNull();
      const bytes = readFileSync(file!);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sample.render!.imageHash);
      expect(bytes.readUInt32BE(16)).toBe(64); // PNG IHDR width
    }
    const okPage = await call<SamplePage>(engine, 'runs.samples', {
      id: run.summary.id,
      status: 'ok',
      limit: 4,
    });
    expect([okPage.total, okPage.samples.length]).toEqual([6, 4]);
    const next = await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id, offset: 4 });
    expect(next.samples.map((s) => s.id)).toEqual(page.samples.slice(4).map((s) => s.id));
    expect(
      (await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id, status: 'no_code' })).total,
    ).toBe(0);
    // The two repeats of a concept have their own seeds.
    const seeds = new Set(page.samples.map((s) => s.seed));
    expect(seeds.size).toBe(6);
    // Versions: the recording identified by the hash of its name and bytes, the template, the renderer.
    const bytes = readFileSync(recording);
    const sha256 = createHash('sha256')
      .update(`${path.basename(recording)}\u0000${bytes.length}\u0000`)
      .update(bytes)
      .digest('hex');
    expect(run.versions?.models).toEqual({ rec: { provider: 'recorded', file: recording, sha256 } });
    expect(run.versions?.templates).toEqual({ draw: 'draw@1' });
    expect(Object.keys(run.versions?.renderers ?? {})).toEqual(['svg']);
    const job = await call<JobSummary>(engine, 'jobs.get', { id: run.jobId });
    expect(job.result).toMatchObject({ kind: 'runs.execute', items: 6, doneNow: 6, byStatus: { done: 6 } });
  });

  it('refuses a draw run on a dataset that does not exist', async () => {
    const result = await engine.dispatch('runs.create', {
      config: {
        kind: 'draw',
        datasetId: 'nope',
        models: [{ provider: 'recorded', file: recording }],
        languages: ['svg'],
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
