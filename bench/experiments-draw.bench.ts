/**
 * End-to-end draw runs: items/s through the whole pipeline (prompt → LLM → extraction → render →
 * store → metrics) and where the time goes per stage (stage times are summed over concurrent
 * items, waits for a render worker included, so they exceed the wall time), for (a) the tiny generated GGUF with SVG
 * (the LLM dominates: its random weights answer noise, so little is rendered) and (b) the shipped
 * genuine SVG answers replayed by the recorded provider (the render path dominates). The baseline
 * for the store is the same sample rows committed in one transaction instead of one each.
 *
 * Run: npx tsx bench/experiments-draw.bench.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openEngine } from '../main/api/open-engine.js';
import type { Engine } from '../main/api/engine.js';
import type { CallName, CallRequest, CallResponse } from '../shared/contract.js';
import type { RunsExecuteResult } from '../shared/jobs.js';
import { openStore } from '../main/store/store.js';
import type { ItemRecord } from '../main/store/repos/samples-repo.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';
import { writeTinyLlama } from '../test/fixtures/gguf/tiny-llama.js';

async function call<N extends CallName>(
  engine: Engine,
  name: N,
  request: CallRequest<N>,
): Promise<CallResponse<N>> {
  const result = await engine.dispatch(name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallResponse<N>;
}

async function waitForJob(engine: Engine, jobId: string): Promise<RunsExecuteResult> {
  for (;;) {
    const job = await call(engine, 'jobs.get', { id: jobId });
    if (job.status === 'succeeded' && job.result?.kind === 'runs.execute') return job.result;
    if (job.status !== 'running' && job.status !== 'queued')
      throw new Error(`job ${job.status}: ${job.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The sample concepts as a JSONL import, so the recorded prompts match the draw template. */
function sampleConcepts(dir: string): string {
  const concepts = JSON.parse(readFileSync('resources/samples/concepts.json', 'utf8')) as Array<{
    concept: string;
    category: string;
  }>;
  const file = path.join(dir, 'concepts.jsonl');
  writeFileSync(
    file,
    concepts.map((c) => JSON.stringify({ text: c.concept, category: c.category })).join('\n'),
  );
  return file;
}

interface Measured {
  readonly label: string;
  readonly items: number;
  readonly seconds: number;
  readonly result: RunsExecuteResult;
}

async function drawRun(
  engine: Engine,
  label: string,
  datasetId: string,
  model: Record<string, unknown>,
  samples: number,
): Promise<Measured> {
  const started = performance.now();
  const detail = await call(engine, 'runs.create', {
    config: {
      kind: 'draw',
      datasetId,
      models: [model as never],
      languages: ['svg'],
      samples,
      sampling: { temperature: 0.8, topP: 0.95, topK: 40, maxTokens: 48 },
      metrics: { fidelity: false, diversity: false },
    },
  });
  const result = await waitForJob(engine, detail.jobId!);
  return { label, items: result.items, seconds: (performance.now() - started) / 1000, result };
}

async function buildDataset(engine: Engine, file: string): Promise<string> {
  const job = await call(engine, 'jobs.start', {
    kind: 'datasets.build',
    params: { source: 'import', format: 'jsonl', file },
  });
  for (;;) {
    const j = await call(engine, 'jobs.get', { id: job.id });
    if (j.status === 'succeeded' && j.result?.kind === 'datasets.build') return j.result.id;
    if (j.status !== 'running' && j.status !== 'queued') throw new Error(`dataset build ${j.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function commitCost(dir: string, n: number): { perItem: number; batched: number } {
  const store = openStore({ dataDir: dir });
  try {
    const run = (name: string) =>
      store.runs.insert({ name, kind: 'draw', config: {}, configVersion: 1, appVersion: 'bench' });
    const item = (runId: string, i: number): ItemRecord => ({
      sample: {
        runId,
        datasetId: null,
        conceptIdx: i,
        model: 'm',
        language: 'svg',
        strategy: 'repeat',
        sampleIndex: 0,
        round: 0,
        seed: i,
        status: 'done',
        code: '<svg/>',
      },
      render: {
        language: 'svg',
        status: 'ok',
        errorText: null,
        imageHash: null,
        width: 512,
        height: 512,
        durationMs: 3,
        renderer: 'resvg',
        rendererVersion: 'resvg@x',
        sandbox: 'child-process',
      },
    });
    const a = run('per-item');
    const t0 = performance.now();
    for (let i = 0; i < n; i++) store.samples.commit([item(a, i)]);
    const perItem = ((performance.now() - t0) * 1000) / n;
    const b = run('batched');
    const t1 = performance.now();
    store.samples.commit(Array.from({ length: n }, (_, i) => item(b, i)));
    const batched = ((performance.now() - t1) * 1000) / n;
    return { perItem, batched };
  } finally {
    store.close();
  }
}

const tmp = tempDataDir('vcheck-bench-draw-');
const engine = await openEngine({ dataDir: tmp.dir });
try {
  const datasetId = await buildDataset(engine, sampleConcepts(tmp.dir));
  const gguf = writeTinyLlama(tmp.dir);
  const runs = [
    await drawRun(
      engine,
      'tiny GGUF (embedded) + svg',
      datasetId,
      { provider: 'embedded', model: gguf, threads: 1 },
      4,
    ),
    await drawRun(
      engine,
      'recorded genuine svg answers',
      datasetId,
      { provider: 'recorded', file: path.resolve('resources/samples/answers-svg-p5.jsonl') },
      4,
    ),
  ];
  console.log('| run | items | wall s | items/s | LLM ms | render ms | store ms | store share |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { label, items, seconds, result } of runs) {
    const s = result.stageMs;
    const total = s.llm + s.render + s.store;
    console.log(
      `| ${label} | ${items} | ${seconds.toFixed(1)} | ${(items / seconds).toFixed(1)} | ${s.llm.toFixed(0)} | ${s.render.toFixed(0)} | ${s.store.toFixed(0)} | ${((100 * s.store) / Math.max(total, 1)).toFixed(1)}% |`,
    );
  }
  const cost = commitCost(tmp.dir, 2000);
  console.log('');
  console.log('| store: sample + render rows | µs/item |');
  console.log('|---|---|');
  console.log(`| one transaction per item (what a run does) | ${cost.perItem.toFixed(1)} |`);
  console.log(`| baseline: all items in one transaction | ${cost.batched.toFixed(1)} |`);
  console.log(`| ratio | ${(cost.perItem / cost.batched).toFixed(2)}x |`);
} finally {
  await engine.close();
  tmp.cleanup();
}
