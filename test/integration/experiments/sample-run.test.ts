import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { BUILTIN_TEMPLATES, PROMPT_LANGUAGE_NAMES } from '../../../main/llm/templates/builtin-templates.js';
import { renderTemplate } from '../../../main/llm/templates/prompt-template.js';
import type { DatasetSummary } from '../../../shared/datasets.js';
import type { DrawConfig } from '../../../shared/experiments.js';
import type { RunDetail, SamplePage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { call, waitForRun } from '../../fixtures/experiments/engine/draw-fixtures.js';

interface ShippedAnswer {
  readonly id: string;
  readonly concept_id: string;
  readonly concept: string;
  readonly language: string;
  readonly prompt: string;
}

const SAMPLES = path.resolve('resources', 'samples');
const shipped: ShippedAnswer[] = [
  'answers-matplotlib-turtle',
  'answers-processing-tikz',
  'answers-svg-p5',
].flatMap((name) =>
  readFileSync(path.join(SAMPLES, `${name}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ShippedAnswer),
);

describe('the shipped sample answers', () => {
  it('were asked exactly the prompt the latest draw template writes for their concept and language', () => {
    const draw = BUILTIN_TEMPLATES.filter((t) => t.id === 'draw').sort((a, b) => b.version - a.version)[0]!;
    expect(shipped).toHaveLength(96);
    for (const answer of shipped) {
      const prompt = renderTemplate(draw, {
        language: PROMPT_LANGUAGE_NAMES[answer.language]!,
        concept: answer.concept,
      }).messages.at(-1)!.content;
      expect(prompt, answer.id).toBe(answer.prompt);
    }
  });
});

describe('the built-in sample run', () => {
  const tmp = tempDataDir('vcheck-sample-run-');
  let engine: Engine;
  let first: RunDetail;

  beforeAll(async () => {
    engine = await openEngine({ dataDir: tmp.dir });
    first = await call<RunDetail>(engine, 'runs.installSample', {});
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  it('is a sample-kind run with a draw config over the recorded answers, in all six languages', async () => {
    expect(first.summary.kind).toBe('sample');
    const config = first.config as DrawConfig;
    expect(config).toMatchObject({ kind: 'draw', samples: 1, seed: 0, strategy: 'repeat' });
    expect([...config.languages].sort()).toEqual([
      'matplotlib',
      'p5js',
      'processing',
      'svg',
      'tikz',
      'turtle',
    ]);
    // Stored by name, resolved when the run opens its models (the app may live elsewhere next time).
    expect(config.models).toEqual([
      { provider: 'recorded', file: 'builtin:samples', label: 'sample answers' },
    ]);
    expect(existsSync(path.join(SAMPLES, 'concepts.json'))).toBe(true);
    const dataset = await call<DatasetSummary>(engine, 'datasets.get', { id: config.datasetId });
    expect(dataset).toMatchObject({ count: 16, locked: true, source: 'builtin:samples' });
    expect(dataset.stats.categories).toEqual({ shapes: 5, objects: 6, scenes: 5 });
  });

  it('is installed once: a second call returns the same run', async () => {
    const second = await call<RunDetail>(engine, 'runs.installSample', {});
    expect(second.summary.id).toBe(first.summary.id);
    const datasets = await call<DatasetSummary[]>(engine, 'datasets.list', {});
    expect(datasets.filter((d) => d.source === 'builtin:samples')).toHaveLength(1);
  });

  it('replays every shipped answer for its concept and language, none missing', async () => {
    const run = await waitForRun(engine, first.summary.id, 240_000);
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus.samples).toEqual({ done: 96 });
    const page = await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id, limit: 200 });
    const byKey = new Map(shipped.map((a) => [`${a.concept_id}|${a.language}`, a]));
    for (const sample of page.samples) {
      const answer = byKey.get(`${sample.conceptKey}|${sample.language}`);
      expect(answer, `${sample.conceptKey} ${sample.language}`).toBeDefined();
      expect(sample.text).toBe(answer!.concept);
    }
    // Most of the genuine answers render (some real answers fail, which the gallery shows).
    expect(run.byStatus.renders['ok'] ?? 0).toBeGreaterThan(80);
  }, 250_000);
});
