/**
 * A recognise run through the engine end to end: inputs from a seeded draw run, code files and
 * human drawings; two models behind loopback OpenAI-compatible servers (a hint reader and a
 * guesser, fixtures whose answers the test can predict); a failed call, a pause and a resume.
 * The stored choices, accuracies and confusion are checked against the test's own count.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { recognitionConfusion, UNPARSED_LABEL } from '../../../main/experiments/recognise/confusion.js';
import { openStore } from '../../../main/store/store.js';
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RunDetail, SamplePage, SampleView } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  guesserAnswer,
  hintIn,
  readerAnswer,
  ScriptedProvider,
} from '../../fixtures/experiments/recognise/reading-providers.js';
import {
  DRAWING_INPUTS,
  FILE_INPUTS,
  hintedCode,
  RUN_CONCEPTS,
  seedDrawRun,
  writeFileInputs,
} from '../../fixtures/experiments/recognise/recognise-inputs.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const CATEGORY_OF = new Map<string, string | null>([
  ...RUN_CONCEPTS.map((c) => [c.text, c.category] as const),
  ...[...FILE_INPUTS, ...DRAWING_INPUTS].map((i) => [i.concept, i.category ?? null] as const),
]);

/** What the test expects of one sample, from the code it wrote and the options shown. */
interface Expected {
  readonly id: number;
  readonly mode: 'free' | 'choice';
  readonly model: string;
  readonly language: string;
  readonly truth: string;
  readonly category: string | null;
  readonly chosen: string | null;
  readonly correct: boolean;
}

function expectedOf(s: SampleView): Expected {
  const r = s.recognition!;
  const hint = hintIn(s.code ?? '');
  const options = r.candidates ?? [];
  const reader = s.model === 'reader';
  const chosen =
    r.mode === 'free' ? null : reader ? (hint !== null && options.includes(hint) ? hint : null) : options[0]!;
  const correct = r.mode === 'free' ? (reader ? hint === r.truth : r.truth === 'cat') : chosen === r.truth;
  const base = { id: s.id, mode: r.mode, model: s.model, language: s.language, truth: r.truth };
  return { ...base, category: CATEGORY_OF.get(r.truth) ?? null, chosen, correct };
}

describe('a recognise run', () => {
  const tmp = tempDataDir('vcheck-recognise-');
  const dataDir = path.join(tmp.dir, 'data');
  let engine: Engine;
  let reader: OpenAiTestServer;
  let guesser: OpenAiTestServer;
  let sourceRunId: string;
  let runId: string;
  let samples: SampleView[];

  const call = async <T>(name: string, request: unknown): Promise<T> => {
    const result = await engine.dispatch(name, request);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const waitFor = async (test: (run: RunDetail) => boolean, what: string): Promise<RunDetail> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = await call<RunDetail>('runs.show', { id: runId });
      if (test(run)) return run;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(run.summary)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const allSamples = async (): Promise<SampleView[]> =>
    (await call<SamplePage>('runs.samples', { id: runId, limit: 1000 })).samples.slice();

  beforeAll(async () => {
    const store = openStore({ dataDir });
    sourceRunId = seedDrawRun(store);
    store.close();
    engine = await openEngine({ dataDir });
    reader = await startOpenAiServer(new ScriptedProvider('reader', readerAnswer), {
      modelName: 'reader',
      answerDelayMs: 120,
    });
    guesser = await startOpenAiServer(new ScriptedProvider('guesser', guesserAnswer), {
      modelName: 'guesser',
      answerDelayMs: 120,
    });
    const filesDir = path.join(tmp.dir, 'files');
    mkdirSync(filesDir);
    const files = writeFileInputs(filesDir);
    for (const [i, d] of DRAWING_INPUTS.entries())
      await call('drawings.save', {
        concept: d.concept,
        ...(d.category ? { category: d.category } : {}),
        language: d.language,
        code: hintedCode(d.language, d.hint, `d${i}`),
      });
    // A 404 (the model is not loaded yet) is not retried and not final: the sample is asked again on resume.
    reader.faults.push({ kind: 'status', status: 404 });
    const created = await call<RunDetail>('runs.create', {
      config: {
        kind: 'recognise',
        models: [
          { provider: 'openai', endpoint: reader.url, model: 'reader', concurrency: 2 },
          { provider: 'openai', endpoint: guesser.url, model: 'guesser', concurrency: 2 },
        ],
        inputs: [{ from: 'run', runId: sourceRunId }, { from: 'files', files }, { from: 'drawings' }],
        mode: 'both',
        candidates: 4,
        seed: 11,
      },
    });
    runId = created.summary.id;
    // Saved after the run was created: not one of its inputs, even when it resumes.
    await call('drawings.save', { concept: 'late', language: 'svg', code: hintedCode('svg', 'late', 'x') });
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
    await reader?.close();
    await guesser?.close();
    tmp.cleanup();
  });

  it('pauses, and resumes exactly the unfinished samples (redoing the failed call)', async () => {
    const paused = await waitFor(
      (r) => r.summary.counts.samples >= 8 && r.byStatus.samples['llm_error'] === 1,
      'some samples and the failed one',
    );
    expect(paused.summary.status).toBe('running');
    await call('runs.pause', { id: runId });
    const before = await allSamples();
    expect(before.length).toBeLessThan(52);
    // The reader's first request failed (HTTP 404): recorded, not finished work.
    const failed = before.filter((s) => s.status === 'llm_error');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.errorText).toContain('404');
    expect(failed[0]!.recognition).toMatchObject({ answer: null, chosen: null, correct: null });
    await call('runs.resume', { id: runId });
    const finished = await waitFor((r) => r.summary.status !== 'running', 'the run to stop');
    expect(finished.summary.status).toBe('finished');
    expect(finished.byStatus.samples).toEqual({ done: 52 });
    samples = await allSamples();
    const kept = before.filter((s) => s.status === 'done');
    const after = new Map(samples.map((s) => [s.id, s]));
    for (const s of kept) expect(after.get(s.id)).toEqual(s);
    expect(after.has(failed[0]!.id)).toBe(false);
    // 3 run samples (render ok) + 7 files + 3 drawings, × 2 models × 2 modes.
    expect(samples).toHaveLength(52);
  }, 90_000);

  it('stores every answer with the options shown and the choice the test predicts', () => {
    const inputs = new Set(samples.map((s) => `${s.recognition!.inputKind}:${s.conceptIdx}`));
    expect([...inputs].filter((k) => k.startsWith('sample')).length).toBe(3);
    expect([...inputs].filter((k) => k.startsWith('file')).length).toBe(7);
    expect([...inputs].filter((k) => k.startsWith('drawing')).length).toBe(3);
    expect(samples.some((s) => s.recognition!.truth === 'late')).toBe(false);
    for (const s of samples) {
      const r = s.recognition!;
      const e = expectedOf(s);
      expect(r.chosen, `sample ${s.id}`).toBe(e.chosen);
      expect(r.correct, `sample ${s.id}`).toBe(e.correct);
      expect(s.strategy).toBe(r.mode === 'free' ? 'recognise-free' : 'recognise-choice');
      if (r.mode === 'choice') {
        expect(r.candidates!.filter((c) => c === r.truth)).toHaveLength(1);
        expect(new Set(r.candidates).size).toBe(r.candidates!.length);
      } else expect(r.candidates).toBeNull();
    }
    // Both models saw the same options for the same input.
    const byInput = new Map<number, string>();
    for (const s of samples.filter((x) => x.recognition!.mode === 'choice')) {
      const options = s.recognition!.candidates!.join('|');
      expect(byInput.get(s.conceptIdx) ?? options).toBe(options);
      byInput.set(s.conceptIdx, options);
    }
  });

  it('draws the options of a run sample from its dataset category first', () => {
    const fruit = RUN_CONCEPTS.filter((c) => c.category === 'fruit').map((c) => c.text as string);
    const apple = samples.find((s) => s.recognition!.truth === 'apple' && s.recognition!.mode === 'choice')!;
    expect(apple.recognition!.inputKind).toBe('sample');
    for (const option of apple.recognition!.candidates!) expect(fruit).toContain(option);
    const hammer = samples.find(
      (s) => s.recognition!.truth === 'hammer' && s.recognition!.mode === 'choice',
    )!;
    expect(hammer.recognition!.candidates).toContain('saw');
  });

  it('scores accuracy per concept, category, language, model and run as the test counts it', async () => {
    const metrics = await call<MetricRecord[]>('metrics.forRun', { runId });
    const expected = samples.map(expectedOf);
    const reads = expected.filter((e) => e.model === 'reader');
    const readerRate = reads.filter((e) => e.correct).length / reads.length;
    expect(readerRate).toBeGreaterThan(0.3);
    expect(readerRate).toBeLessThan(1);
    const keysOf = (e: Expected): Array<[string, string | null]> => [
      ['sample', String(e.id)],
      ['concept', e.truth],
      ['category', e.category],
      ['language', e.language],
      ['model', e.model],
      ['run', runId],
    ];
    const groups = new Map<string, number[]>();
    for (const e of expected)
      for (const [scope, key] of keysOf(e)) {
        if (key === null) continue;
        const id = `recognition.${e.mode}.accuracy|${scope}|${key}`;
        groups.set(id, [...(groups.get(id) ?? []), e.correct ? 1 : 0]);
      }
    const stored = new Map(metrics.map((m) => [`${m.name}|${m.scope}|${m.scopeKey}`, m]));
    expect([...stored.keys()].sort()).toEqual([...groups.keys()].sort());
    for (const [id, values] of groups) {
      const m = stored.get(id)!;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(m.value, id).toBeCloseTo(mean, 12);
      if (m.scope === 'sample') continue;
      expect(m.provenance.n, id).toEqual({ items: values.length });
      expect(Number(m.provenance.settings['ciLow'])).toBeLessThanOrEqual(mean + 1e-12);
      expect(Number(m.provenance.settings['ciHigh'])).toBeGreaterThanOrEqual(mean - 1e-12);
    }
    const show = await call<RunDetail>('runs.show', { id: runId });
    expect(show.metrics.some((m) => m.name === 'recognition.choice.accuracy' && m.scope === 'run')).toBe(
      true,
    );
  });

  it('counts the confusion between concepts of the multiple-choice answers', () => {
    const store = openStore({ dataDir });
    try {
      const confusion = recognitionConfusion(store.db, runId);
      const counted = new Map<string, number>();
      const choices = samples.map(expectedOf).filter((e) => e.mode === 'choice');
      for (const e of choices) {
        const key = `${e.truth}|${e.chosen ?? UNPARSED_LABEL}`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
      const fromMatrix = new Map<string, number>();
      confusion.matrix.forEach((row, i) =>
        row.forEach((n, j) => {
          if (n > 0) fromMatrix.set(`${confusion.labels[i]}|${confusion.columns[j]}`, n);
        }),
      );
      expect(fromMatrix).toEqual(counted);
      expect(confusion.total).toBe(choices.length);
      expect(confusion.perModel.map((m) => [m.model, m.total])).toEqual([
        ['guesser', 13],
        ['reader', 13],
      ]);
    } finally {
      store.close();
    }
  });
});
