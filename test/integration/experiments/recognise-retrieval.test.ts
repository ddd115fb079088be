/**
 * The CLIP retrieval percentile of free-form answers, with the tiny generated CLIP installed: each
 * answer is ranked against its category's descriptions, and the stored percentiles equal a
 * reference computation (hand tokenizer, reference forward pass of the tiny text tower).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RunDetail, SamplePage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { referenceTextEmbeddings } from '../../fixtures/experiments/recognise/clip-reference.js';
import { cosine } from '../../fixtures/onnx/tiny-clip-text.js';
import { hintIn, ScriptedProvider } from '../../fixtures/experiments/recognise/reading-providers.js';
import { hintedCode } from '../../fixtures/experiments/recognise/recognise-inputs.js';
import { writeTinyClipFolder, type TinyClip } from '../../fixtures/onnx/tiny-clip-folder.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

/** Concept, category and the plain-words answer the model gives. */
const INPUTS = [
  { concept: 'cat', category: 'animals', answer: 'red cat' },
  { concept: 'dog', category: 'animals', answer: 'dog' },
  { concept: 'horse', category: 'animals', answer: 'cat' },
  { concept: 'cow', category: 'animals', answer: 'brown cow' },
  { concept: 'car', category: 'vehicles', answer: 'car' },
  { concept: 'bus', category: 'vehicles', answer: 'car' },
  { concept: 'sun', category: 'sky', answer: 'sun' },
  { concept: 'tree', category: undefined, answer: 'tree' },
] as const;

describe('free-form retrieval percentile', () => {
  const tmp = tempDataDir('vcheck-recognise-clip-');
  let engine: Engine;
  let server: OpenAiTestServer;
  let clip: TinyClip;

  const call = async <T>(name: string, request: unknown): Promise<T> => {
    const result = await engine.dispatch(name, request);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    clip = writeTinyClipFolder(path.join(tmp.dir, 'models', 'metrics', 'clip-vit-b32'));
    engine = await openEngine({ dataDir: tmp.dir });
    const answer = (prompt: string): string => hintIn(prompt) ?? 'lines';
    server = await startOpenAiServer(new ScriptedProvider('words', answer), { modelName: 'words' });
  });
  afterAll(async () => {
    await engine?.close();
    await server?.close();
    tmp.cleanup();
  });

  it('ranks each answer among its category’s descriptions as the reference does', async () => {
    mkdirSync(path.join(tmp.dir, 'files'));
    const files = INPUTS.map((input, i) => {
      const file = path.join(tmp.dir, 'files', `${i}.svg`);
      writeFileSync(file, hintedCode('svg', input.answer, String(i)));
      return {
        path: file,
        language: 'svg',
        concept: input.concept,
        ...(input.category ? { category: input.category } : {}),
      };
    });
    const { summary } = await call<RunDetail>('runs.create', {
      config: {
        kind: 'recognise',
        models: [{ provider: 'openai', endpoint: server.url, model: 'words' }],
        inputs: [{ from: 'files', files }],
        mode: 'free',
      },
    });
    let run = await call<RunDetail>('runs.show', { id: summary.id });
    for (const deadline = Date.now() + 60_000; run.summary.status === 'running';) {
      if (Date.now() > deadline) throw new Error('run did not finish');
      await new Promise((r) => setTimeout(r, 25));
      run = await call<RunDetail>('runs.show', { id: summary.id });
    }
    expect(run.summary.status).toBe('finished');
    const samples = (await call<SamplePage>('runs.samples', { id: summary.id })).samples;
    const metrics = await call<MetricRecord[]>('metrics.forRun', { runId: summary.id });
    const retrieval = metrics.filter((m) => m.name === 'recognition.free.retrieval');
    const perSample = retrieval.filter((m) => m.scope === 'sample');
    // Six answers have a category of two or more concepts; sun (alone) and tree (none) are not ranked.
    expect(perSample).toHaveLength(6);

    const expected: number[] = [];
    for (const s of samples) {
      const input = INPUTS[s.conceptIdx]!;
      const record = perSample.find((m) => m.scopeKey === String(s.id));
      const category = INPUTS.filter((i) => i.category && i.category === input.category);
      if (category.length < 2) {
        expect(record, input.concept).toBeUndefined();
        continue;
      }
      const descriptions = category.map((i) => i.concept as string).sort();
      const [answer, ...texts] = referenceTextEmbeddings(clip.text, [input.answer, ...descriptions]);
      const sims = texts.map((t) => cosine(answer!, t));
      const own = sims[descriptions.indexOf(input.concept)]!;
      const lower = sims.filter((x) => x < own - 1e-6).length;
      const tied = sims.filter((x) => Math.abs(x - own) <= 1e-6).length - 1;
      const percentile = (100 * (lower + tied / 2)) / (descriptions.length - 1);
      expect(record!.value, input.concept).toBeCloseTo(percentile, 4);
      expect(record!.provenance).toMatchObject({
        model: { id: 'clip-vit-b32' },
        n: { descriptions: descriptions.length },
      });
      expected.push(percentile);
    }
    const distinct = new Set(expected.map((e) => e.toFixed(3)));
    expect(distinct.size).toBeGreaterThan(1); // the reference ranks are not all alike
    const atRun = retrieval.find((m) => m.scope === 'run')!;
    expect(atRun.value).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 4);
    expect(atRun.provenance.n).toEqual({ items: 6 });
  }, 90_000);
});
