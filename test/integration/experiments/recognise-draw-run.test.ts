/**
 * A model recognising drawings of a real draw run: the draw run replays recorded SVG answers whose
 * comments carry hints (one of them wrong), renders them, and a recognise run then reads the code
 * of every sample whose render is ok, with the concept the dataset says it drew.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { conceptPhrase } from '../../../main/llm/templates/concept-phrase.js';
import { openStore } from '../../../main/store/store.js';
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RunDetail, SamplePage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { readerAnswer, ScriptedProvider } from '../../fixtures/experiments/recognise/reading-providers.js';
import {
  hintedCode,
  RUN_CONCEPTS,
  seedConceptDataset,
} from '../../fixtures/experiments/recognise/recognise-inputs.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

/** The hint each concept's drawing carries: banana's drawing says grape. */
const hintOf = (text: string): string => (text === 'banana' ? 'grape' : text);

describe('recognising the drawings of a draw run', () => {
  const tmp = tempDataDir('vcheck-recognise-draw-');
  const dataDir = path.join(tmp.dir, 'data');
  let engine: Engine;
  let reader: OpenAiTestServer;
  let datasetId: string;
  let recording: string;

  const call = async <T>(name: string, request: unknown): Promise<T> => {
    const result = await engine.dispatch(name, request);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const runToEnd = async (config: Record<string, unknown>): Promise<RunDetail> => {
    const { summary } = await call<RunDetail>('runs.create', { config });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = await call<RunDetail>('runs.show', { id: summary.id });
      if (run.summary.status !== 'running' && run.summary.status !== 'created') return run;
      if (Date.now() > deadline) throw new Error('run did not stop');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    const store = openStore({ dataDir });
    datasetId = seedConceptDataset(store);
    store.close();
    recording = path.join(tmp.dir, 'answers.jsonl');
    const lines = RUN_CONCEPTS.map((c, i) => ({
      prompt: `write code in the programming language SVG that draws ${conceptPhrase(c.text)}`,
      response: `Here it is:\n\`\`\`svg\n${hintedCode('svg', hintOf(c.text), String(i))}\n\`\`\``,
    }));
    writeFileSync(recording, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    engine = await openEngine({ dataDir });
    reader = await startOpenAiServer(new ScriptedProvider('reader', readerAnswer), { modelName: 'reader' });
  });
  afterAll(async () => {
    await engine?.close();
    await reader?.close();
    tmp.cleanup();
  });

  it('reads every rendered drawing with its dataset concept and scores it', async () => {
    const draw = await runToEnd({
      kind: 'draw',
      datasetId,
      models: [{ provider: 'recorded', file: recording, label: 'drawer' }],
      languages: ['svg'],
      renderSize: 32,
      metrics: { fidelity: false, diversity: false },
    });
    expect(draw.summary.status).toBe('finished');
    expect(draw.byStatus.renders).toEqual({ ok: RUN_CONCEPTS.length });
    const drawn = (await call<SamplePage>('runs.samples', { id: draw.summary.id })).samples;

    const run = await runToEnd({
      kind: 'recognise',
      models: [{ provider: 'openai', endpoint: reader.url, model: 'reader' }],
      inputs: [{ from: 'run', runId: draw.summary.id }],
      candidates: 3,
      seed: 5,
    });
    expect(run.summary.status).toBe('finished');
    const samples = (await call<SamplePage>('runs.samples', { id: run.summary.id, limit: 1000 })).samples;
    expect(samples).toHaveLength(2 * RUN_CONCEPTS.length);
    for (const s of samples) {
      const source = drawn.find((d) => d.id === s.parentSampleId)!;
      const truth = RUN_CONCEPTS[source.conceptIdx]!.text;
      expect(s.recognition).toMatchObject({ inputKind: 'sample', inputRef: String(source.id), truth });
      expect(s.code).toBe(source.code);
      const hint = hintOf(truth);
      const options = s.recognition!.candidates ?? [];
      const correct =
        s.recognition!.mode === 'free' ? hint === truth : options.includes(hint) && hint === truth;
      expect(s.recognition!.correct, `${s.recognition!.mode} ${truth}`).toBe(correct);
    }
    const metrics = await call<MetricRecord[]>('metrics.forRun', { runId: run.summary.id });
    const free = metrics.find((m) => m.name === 'recognition.free.accuracy' && m.scope === 'run')!;
    expect(free.value).toBeCloseTo((RUN_CONCEPTS.length - 1) / RUN_CONCEPTS.length, 12);
    const tools = metrics.find((m) => m.name === 'recognition.free.accuracy' && m.scopeKey === 'tools')!;
    expect(tools).toMatchObject({ scope: 'category', value: 1 });
    const fruit = metrics.find((m) => m.name === 'recognition.free.accuracy' && m.scopeKey === 'fruit')!;
    expect(fruit.value).toBeCloseTo(4 / 5, 12);
  }, 90_000);
});
