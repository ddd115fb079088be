/**
 * Prompts a model refuses for good — too long for the context (embedded), or a 400 from a server —
 * are final per-sample failures (`rejected`): the run goes on, the circuit breaker does not count
 * them, and a resume does not ask again. A server that is down is different (`llm_error`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { RecordedProvider } from '../../../main/llm/recorded/recorded-provider.js';
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
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const CONCEPTS = numberedConcepts(8);
const LONG = { key: 'long', text: `a shape ${'with many small details '.repeat(40)}`, category: 'odd' };

describe('prompts a model rejects', () => {
  const tmp = tempDataDir('vcheck-rejected-');
  let engine: Engine;
  let server: OpenAiTestServer;
  let datasetId = '';

  beforeAll(async () => {
    datasetId = seedDataset(tmp.dir, [...CONCEPTS, LONG]);
    const recording = writeRecording(
      tmp.dir,
      CONCEPTS.map((c, i) => ({
        prompt: `write code in the programming language SVG that draws ${c.text}`,
        response: svgAnswer('navy', 4 + i),
      })),
    );
    server = await startOpenAiServer(new RecordedProvider(recording), { modelName: 'rec' });
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
    tmp.cleanup();
  });

  const draw = (models: unknown[], slice?: unknown) => ({
    kind: 'draw',
    datasetId,
    models,
    languages: ['svg'],
    renderSize: 32,
    sampling: { temperature: 0.8, topP: 0.95, topK: 40, maxTokens: 4 },
    metrics: { fidelity: false, diversity: false },
    ...(slice ? { slice } : {}),
  });

  it('a 400 for six prompts in a row: six rejected samples, the run finishes, resume is not needed', async () => {
    for (let i = 0; i < 6; i++) server.faults.push({ kind: 'status', status: 400 });
    const model = {
      provider: 'openai',
      endpoint: `${server.url}/v1`,
      model: 'rec',
      concurrency: 1,
      apiKey: 'sk-do-not-show',
    };
    const config = draw([model], { keys: CONCEPTS.map((c) => c.key) });
    const { summary } = await call<RunDetail>(engine, 'runs.create', { config });
    const run = await waitForRun(engine, summary.id);
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus.samples).toEqual({ rejected: 6, done: 2 });
    const page = await call<SamplePage>(engine, 'runs.samples', { id: summary.id, status: 'rejected' });
    expect(page.samples).toHaveLength(6);
    expect(page.samples.every((s) => /400/.test(s.errorText ?? ''))).toBe(true);
    // The key is used (stored with the run, for a resume) but never shown: not by runs.show, not in a report.
    expect(server.stats.bodies.length).toBeGreaterThan(0);
    expect(JSON.stringify(run.config)).not.toContain('sk-do-not-show');
    const out = path.join(tmp.dir, 'report.html');
    await call(engine, 'runs.report', { id: summary.id, out });
    expect(readFileSync(out, 'utf8')).not.toContain('sk-do-not-show');
  });

  it('a prompt longer than the embedded model’s context is rejected; the others are answered', async () => {
    const gguf = writeTinyLlama(tmp.dir);
    const model = { provider: 'embedded', model: gguf, threads: 1, contextSize: 256, label: 'tiny' };
    const config = draw([model], { keys: ['shape-0', 'shape-1', 'long'] });
    const { summary } = await call<RunDetail>(engine, 'runs.create', { config });
    const run = await waitForRun(engine, summary.id);
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus.samples).toEqual({ rejected: 1, done: 2 });
    const [rejected] = (
      await call<SamplePage>(engine, 'runs.samples', { id: summary.id, status: 'rejected' })
    ).samples;
    expect(rejected?.conceptKey).toBe('long');
    expect(rejected?.errorText).toMatch(/does not fit the context \(256 tokens\)/);
  }, 60_000);
});
