/**
 * How a recognise run treats its configuration: a free-form-only run asks only free-form; a missing
 * input file or a template that would reveal the concept fails the run at plan time with a clear
 * message, before any model is asked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import type { JobSummary } from '../../../shared/jobs.js';
import type { RunDetail, SamplePage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { readerAnswer, ScriptedProvider } from '../../fixtures/experiments/recognise/reading-providers.js';
import { hintedCode } from '../../fixtures/experiments/recognise/recognise-inputs.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

describe('recognise run configuration', () => {
  const tmp = tempDataDir('vcheck-recognise-config-');
  let engine: Engine;
  let reader: OpenAiTestServer;
  let file: string;

  const call = async <T>(name: string, request: unknown): Promise<T> => {
    const result = await engine.dispatch(name, request);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const runToEnd = async (config: Record<string, unknown>): Promise<RunDetail> => {
    const models = [{ provider: 'openai', endpoint: reader.url, model: 'reader' }];
    const { summary } = await call<RunDetail>('runs.create', {
      config: { kind: 'recognise', models, ...config },
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await call<RunDetail>('runs.show', { id: summary.id });
      if (run.summary.status !== 'running' && run.summary.status !== 'created') return run;
      if (Date.now() > deadline) throw new Error('run did not stop');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const jobError = async (run: RunDetail): Promise<string> =>
    (await call<JobSummary>('jobs.get', { id: run.jobId })).error ?? '';

  beforeAll(async () => {
    engine = await openEngine({ dataDir: path.join(tmp.dir, 'data') });
    reader = await startOpenAiServer(new ScriptedProvider('reader', readerAnswer), { modelName: 'reader' });
    mkdirSync(path.join(tmp.dir, 'files'));
    file = path.join(tmp.dir, 'files', 'cat.svg');
    writeFileSync(file, hintedCode('svg', 'cat', '0'));
  });
  afterAll(async () => {
    await engine?.close();
    await reader?.close();
    tmp.cleanup();
  });

  it('asks only free-form when the mode says so', async () => {
    const run = await runToEnd({
      inputs: [{ from: 'files', files: [{ path: file, language: 'svg', concept: 'cat' }] }],
      mode: 'free',
    });
    expect(run.summary.status).toBe('finished');
    const page = await call<SamplePage>('runs.samples', { id: run.summary.id });
    expect(page.samples.map((s) => [s.strategy, s.recognition?.correct])).toEqual([['recognise-free', true]]);
    expect(run.metrics.map((m) => m.name)).toEqual(['recognition.free.accuracy']);
  });

  it('fails at plan time naming a missing input file', async () => {
    const requests = reader.stats.chatRequests;
    const missing = path.join(tmp.dir, 'files', 'nope.pde');
    const run = await runToEnd({
      inputs: [{ from: 'files', files: [{ path: missing, language: 'processing', concept: 'dog' }] }],
    });
    expect(run.summary.status).toBe('failed');
    expect(await jobError(run)).toContain(missing);
    expect(reader.stats.chatRequests).toBe(requests);
  });

  it('refuses a template that would tell the model the concept', async () => {
    await call('templates.save', {
      id: 'leaky',
      task: 'recognise-free',
      messages: [{ role: 'user', content: 'Is this {concept}?\n{code}' }],
    });
    const run = await runToEnd({
      inputs: [{ from: 'files', files: [{ path: file, language: 'svg', concept: 'cat' }] }],
      template: { id: 'leaky' },
    });
    expect(run.summary.status).toBe('failed');
    expect(await jobError(run)).toMatch(/may only use \{code\}/);
  });
});
