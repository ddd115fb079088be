/**
 * Self-correct runs end to end through the engine: a source draw run replayed from a recording
 * (SVG and p5.js answers, one SVG that fails to render), then correct runs against a loopback
 * OpenAI server whose fixture model adds a shape per round; fidelity by the tiny ONNX CLIP.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { correctionTrajectories } from '../../../main/experiments/correct/trajectory.js';
import { BUILTIN_TEMPLATES, PROMPT_LANGUAGE_NAMES } from '../../../main/llm/templates/builtin-templates.js';
import { renderTemplate } from '../../../main/llm/templates/prompt-template.js';
import { DATABASE_FILE, openStore } from '../../../main/store/store.js';
import type { RunConfigInput } from '../../../shared/experiments.js';
import type { RunDetail } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  CRITIQUE_ANSWER,
  ImproverProvider,
  markedRound,
} from '../../fixtures/experiments/correct/improver-provider.js';
import { writeTinyClipFolder } from '../../fixtures/onnx/tiny-clip-folder.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const CONCEPTS = ['a red circle', 'a blue square', 'a green triangle', 'a yellow star'];
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">${body}</svg>`;
/** The source drawings: concept 1's SVG is refused once by the fixture model, concept 3's SVG does not render. */
const SOURCE: Record<string, ReadonlyArray<string>> = {
  svg: [
    svg('<circle cx="32" cy="32" r="20" fill="red"/>'),
    svg('<rect x="12" y="12" width="40" height="40" fill="blue"/><!-- NOCODE -->'),
    svg('<polygon points="32,8 56,56 8,56" fill="green"/>'),
    svg('<rect x="12" y="12" width="40" height="40" fill="yellow"'),
  ],
  p5js: CONCEPTS.map(
    (_, i) =>
      `function setup() {\n  createCanvas(64, 64);\n  background(255);\n  fill(${40 * i}, 90, 200);\n  rect(${8 + i}, 12, 30, 20);\n}`,
  ),
};

const tmp = tempDataDir('vcheck-correct-');
const dataDir = path.join(tmp.dir, 'data');
let engine: Engine;
let db: Database.Database;
let datasetId = '';
let sourceRunId = '';

function seedDataset(): string {
  const store = openStore({ dataDir });
  try {
    const meta = { name: 'correct-fixture', kind: 'objects' as const, source: 'test', params: {}, seed: 1 };
    const { id } = store.datasets.beginVersion(meta);
    const concepts = CONCEPTS.map((text, i) => ({ key: `c${i}`, text, category: 'shapes', attributes: {} }));
    store.datasets.appendConcepts(id, 0, concepts);
    const stats = { categories: { shapes: CONCEPTS.length }, attributes: {} };
    store.datasets.finishVersion(id, { contentHash: 'fixture', count: CONCEPTS.length, stats });
    return id;
  } finally {
    store.close();
  }
}

/** The recording the source run replays: one fenced answer per drawing prompt. */
function writeRecording(file: string): void {
  const draw = BUILTIN_TEMPLATES.find((t) => t.id === 'draw')!;
  const lines = Object.entries(SOURCE).flatMap(([language, codes]) =>
    codes.map((code, i) => {
      const prompt = renderTemplate(draw, {
        language: PROMPT_LANGUAGE_NAMES[language]!,
        concept: CONCEPTS[i]!,
      });
      const fence = language === 'svg' ? 'svg' : 'javascript';
      return JSON.stringify({
        prompt: prompt.messages.at(-1)!.content,
        response: `\`\`\`${fence}\n${code}\n\`\`\``,
      });
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function call<T>(name: string, request: unknown): Promise<T> {
  const result = await engine.dispatch(name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function waitFor(runId: string, statuses: ReadonlyArray<string>, ms = 60_000): Promise<RunDetail> {
  const until = Date.now() + ms;
  for (;;) {
    const run = await call<RunDetail>('runs.show', { id: runId });
    if (statuses.includes(run.summary.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} is still ${run.summary.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createRun(config: RunConfigInput): Promise<string> {
  return (await call<RunDetail>('runs.create', { config, start: true })).summary.id;
}

interface SampleRow {
  id: number;
  sample_index: number;
  model: string;
  language: string;
  round: number;
  status: string;
  parent_sample_id: number | null;
  code: string | null;
  concept_idx: number;
}

const samplesOf = (runId: string): SampleRow[] =>
  db
    .prepare('SELECT * FROM samples WHERE run_id = ? ORDER BY sample_index, model, round')
    .all(runId) as SampleRow[];
const latestRender = (sampleId: number) =>
  db.prepare('SELECT * FROM renders WHERE sample_id = ? ORDER BY id DESC LIMIT 1').get(sampleId) as
    { status: string; image_hash: string | null; error_text: string | null } | undefined;
const generationsOf = (sampleId: number) =>
  db.prepare('SELECT messages_json FROM generations WHERE sample_id = ?').all(sampleId) as {
    messages_json: string;
  }[];
const fidelityOf = (runId: string, sampleId: number): number | null =>
  (
    db
      .prepare(
        `SELECT value FROM metrics WHERE run_id = ? AND scope = 'sample' AND name = 'fidelity.percentile' AND scope_key = ?`,
      )
      .get(runId, String(sampleId)) as { value: number } | undefined
  )?.value ?? null;

/** Groups a run's rows by trajectory (sample index × model), rounds in order. */
function trajectoriesOf(rows: ReadonlyArray<SampleRow>): SampleRow[][] {
  const groups = new Map<string, SampleRow[]>();
  for (const row of rows)
    groups.set(`${row.sample_index}|${row.model}`, [
      ...(groups.get(`${row.sample_index}|${row.model}`) ?? []),
      row,
    ]);
  return [...groups.values()];
}

/** Every round's prompt shows the last code that existed before it, and its parent is the round before. */
function expectChained(trajectory: ReadonlyArray<SampleRow>, rounds: number): void {
  expect(trajectory.map((r) => r.round)).toEqual(Array.from({ length: rounds + 1 }, (_, i) => i));
  let shown = trajectory[0]!.code!;
  for (const row of trajectory.slice(1)) {
    expect(row.parent_sample_id).toBe(trajectory[row.round - 1]!.id);
    const generations = generationsOf(row.id);
    expect(generations).toHaveLength(1);
    const messages = JSON.parse(generations[0]!.messages_json) as { role: string; content: string }[];
    expect(messages.find((m) => m.role === 'assistant')!.content).toBe(shown);
    if (row.code !== null) shown = row.code;
  }
}

beforeAll(async () => {
  writeTinyClipFolder(path.join(dataDir, 'models', 'metrics', 'clip-vit-b32'));
  datasetId = seedDataset();
  const recording = path.join(tmp.dir, 'source.jsonl');
  writeRecording(recording);
  engine = await openEngine({ dataDir });
  db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  sourceRunId = await createRun({
    kind: 'draw',
    datasetId,
    models: [{ provider: 'recorded', file: recording, label: 'source-model' }],
    languages: ['svg', 'p5js'],
    renderSize: 64,
    metrics: { fidelity: true, diversity: false },
  });
  const source = await waitFor(sourceRunId, ['finished', 'failed']);
  expect(source.summary.status).toBe('finished');
}, 120_000);

afterAll(async () => {
  db?.close();
  await engine?.close();
  tmp.cleanup();
});

describe('self-correct run', () => {
  let server: OpenAiTestServer;
  const model = new ImproverProvider();
  let runId = '';
  const ROUNDS = 2;

  beforeAll(async () => {
    server = await startOpenAiServer(model, { modelName: 'fixer' });
    const endpoint = `${server.url}/v1`;
    runId = await createRun({
      kind: 'correct',
      sourceRunId,
      rounds: ROUNDS,
      models: [{ provider: 'openai', endpoint, model: 'fixer', concurrency: 2 }],
      renderSize: 64,
    });
    expect((await waitFor(runId, ['finished', 'failed'])).summary.status).toBe('finished');
  }, 120_000);

  afterAll(async () => server?.close());

  it('starts each trajectory from a copy of a source drawing that rendered ok', () => {
    const source = db
      .prepare('SELECT * FROM samples WHERE run_id = ? ORDER BY id')
      .all(sourceRunId) as SampleRow[];
    const ok = source.filter((s) => latestRender(s.id)?.status === 'ok');
    expect(ok).toHaveLength(7); // the broken SVG is left out
    const starts = samplesOf(runId).filter((r) => r.round === 0);
    expect(starts.map((r) => r.parent_sample_id)).toEqual(ok.map((s) => s.id));
    for (const [k, start] of starts.entries()) {
      const from = ok[k]!;
      expect(start).toMatchObject({
        sample_index: k,
        code: from.code,
        concept_idx: from.concept_idx,
        language: from.language,
        model: 'fixer',
      });
      expect(latestRender(start.id)!.image_hash).toBe(latestRender(from.id)!.image_hash);
      expect(generationsOf(start.id)).toHaveLength(0);
    }
  });

  it('commits every round with its parent, answer, code and render', () => {
    const trajectories = trajectoriesOf(samplesOf(runId));
    expect(trajectories).toHaveLength(7);
    for (const trajectory of trajectories) {
      expectChained(trajectory, ROUNDS);
      const codes = trajectory.map((r) => r.code);
      const refused = codes[0]!.includes('NOCODE');
      // The fixture model refuses the NOCODE drawing once: round 1 has no code, round 2 improves round 0.
      expect(codes.map((c) => (c === null ? null : markedRound(c)))).toEqual(
        refused ? [0, null, 1] : [0, 1, 2],
      );
      if (refused) expect(latestRender(trajectory[1]!.id)!.status).toBe('no_code');
      for (const row of trajectory.filter((r) => r.code !== null))
        expect(latestRender(row.id)!.status).toBe('ok');
    }
    expect(model.asked).toHaveLength(7 * ROUNDS);
  });

  it('scores fidelity per sample and per round, round 0 as the source drawing scored', () => {
    const rows = samplesOf(runId);
    for (const row of rows.filter((r) => r.round === 0))
      expect(fidelityOf(runId, row.id)).toBeCloseTo(fidelityOf(sourceRunId, row.parent_sample_id!)!, 9);
    for (const round of [0, 1, 2]) {
      const values = rows.filter((r) => r.round === round).flatMap((r) => fidelityOf(runId, r.id) ?? []);
      const stored = db
        .prepare(
          `SELECT value FROM metrics WHERE run_id = ? AND scope = 'round' AND scope_key = ? AND name = 'fidelity.percentile'`,
        )
        .get(runId, String(round)) as { value: number };
      expect(values.length).toBe(round === 1 ? 6 : 7);
      expect(stored.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    }
    const drawRounds = db
      .prepare(`SELECT COUNT(*) AS n FROM metrics WHERE run_id = ? AND scope = 'round'`)
      .get(sourceRunId) as { n: number };
    expect(drawRounds.n).toBe(0);
  });

  it('stores the fractions of trajectories that improved, stayed and got worse', () => {
    const counts = { improved: 0, stayed: 0, worse: 0 };
    for (const trajectory of trajectoriesOf(samplesOf(runId))) {
      const delta = fidelityOf(runId, trajectory[ROUNDS]!.id)! - fidelityOf(runId, trajectory[0]!.id)!;
      counts[Math.abs(delta) <= 0.5 ? 'stayed' : delta > 0 ? 'improved' : 'worse'] += 1;
    }
    // The fixture's drawings move the tiny CLIP's ranks every way: each class occurs.
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
    for (const [name, count] of Object.entries(counts)) {
      const stored = db
        .prepare(`SELECT value, provenance_json FROM metrics WHERE run_id = ? AND scope = 'run' AND name = ?`)
        .get(runId, `correct.${name}`) as { value: number; provenance_json: string };
      expect(stored.value).toBeCloseTo(count / 7, 12);
      expect(JSON.parse(stored.provenance_json)).toMatchObject({
        n: { trajectories: 7, counted: 7 },
        settings: { tolerance: 0.5 },
      });
    }
    // Round 1 vs round 0: the refused drawing has no round-1 image, so 6 trajectories count.
    const round1 = db
      .prepare(
        `SELECT value, provenance_json FROM metrics WHERE run_id = ? AND scope = 'round' AND scope_key = '1' AND name = ?`,
      )
      .all(runId, 'correct.improved') as { value: number; provenance_json: string }[];
    expect(round1).toHaveLength(1);
    expect(JSON.parse(round1[0]!.provenance_json)).toMatchObject({ n: { trajectories: 7, counted: 6 } });
  });

  it('reads the trajectories back with diffs that patch one round into the next', () => {
    const trajectories = correctionTrajectories(db, runId);
    expect(trajectories).toHaveLength(7);
    const rows = samplesOf(runId);
    for (const t of trajectories) {
      expect(t.rounds.map((r) => r.sampleId)).toEqual(
        rows.filter((r) => r.sample_index === t.sampleIndex).map((r) => r.id),
      );
      expect(t.text).toBe(CONCEPTS[t.conceptIdx]);
      const last = t.rounds[ROUNDS]!;
      const first = t.rounds[0]!;
      const file = path.join(tmp.dir, `trajectory-${t.sampleIndex}.txt`);
      writeFileSync(file, `${first.code}\n`);
      for (const round of t.rounds.slice(1).filter((r) => r.diff !== null)) {
        writeFileSync(`${file}.diff`, round.diff!);
        execFileSync('patch', ['--quiet', '--force', file, `${file}.diff`]);
      }
      expect(readFileSync(file, 'utf8')).toBe(`${last.code}\n`);
      expect(last.fidelity).toBe(fidelityOf(runId, last.sampleId));
    }
  });
});

describe('self-correct run stopped mid-trajectory, with render feedback', () => {
  let server: OpenAiTestServer;
  const model = new ImproverProvider();

  beforeAll(async () => {
    server = await startOpenAiServer(model, { modelName: 'slow-fixer', answerDelayMs: 100 });
  });
  afterAll(async () => server?.close());

  it('resumes at the next round with the code read back, and tells the model how the code rendered', async () => {
    const endpoint = `${server.url}/v1`;
    // The first request fails with a 404 (not retried, not final): that trajectory fails for this attempt.
    server.faults.push({ kind: 'status', status: 404 });
    const runId = await createRun({
      kind: 'correct',
      sourceRunId,
      rounds: 2,
      onlyOk: false,
      feedbackErrors: true,
      models: [{ provider: 'openai', endpoint, model: 'slow-fixer', concurrency: 1 }],
      renderSize: 64,
      metrics: { fidelity: true, diversity: false },
    });
    const until = Date.now() + 30_000;
    while (generationsCount(runId) < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect((await call<RunDetail>('runs.pause', { id: runId })).summary.status).toBe('paused');
    const before = samplesOf(runId);
    expect(before.length).toBeLessThan(8 * 3);
    // The refused round and the round after it are model failures; only the first was asked.
    const failed = before.filter((r) => r.status === 'llm_error');
    expect(failed.map((r) => r.round)).toEqual([1, 2]);
    expect(failed[0]!.parent_sample_id).toBe(
      before.find((r) => r.sample_index === failed[0]!.sample_index && r.round === 0)!.id,
    );
    expect(failed.map((r) => generationsOf(r.id).length)).toEqual([1, 0]);
    // Without the CLIP model the run still finishes: no scores, a warning.
    const clipFolder = path.join(dataDir, 'models', 'metrics', 'clip-vit-b32');
    renameSync(clipFolder, `${clipFolder}.away`);
    let finished: RunDetail;
    try {
      await call('runs.resume', { id: runId });
      finished = await waitFor(runId, ['finished', 'failed']);
    } finally {
      renameSync(`${clipFolder}.away`, clipFolder);
    }
    expect(finished.summary.status).toBe('finished');
    expect(finished.metrics).toEqual([]);
    const job = await call<{ result: { warnings: string[] } }>('jobs.get', { id: finished.jobId });
    expect(job.result.warnings.join('\n')).toContain('no fidelity scores: no improved / stayed / worse');
    const rows = samplesOf(runId);
    expect(rows).toHaveLength(8 * 3);
    // Rows committed before the pause were kept, not redone.
    for (const row of before.filter((r) => r.status === 'done'))
      expect(rows.find((r) => r.id === row.id)).toBeDefined();
    for (const trajectory of trajectoriesOf(rows)) {
      expectChained(trajectory, 2);
      const start = latestRender(trajectory[0]!.id)!;
      const prompt = JSON.parse(generationsOf(trajectory[1]!.id)[0]!.messages_json) as { content: string }[];
      const feedback =
        start.status === 'ok'
          ? 'When your code was run, it rendered an image without errors (status: ok).'
          : `When your code was run, it did not render an image (status: ${start.status}).`;
      expect(prompt.at(-1)!.content).toContain(`\n\n${feedback}`);
    }
    expect(rows.filter((r) => r.round === 0 && latestRender(r.id)!.status !== 'ok')).toHaveLength(1);
  }, 60_000);

  function generationsCount(runId: string): number {
    return (
      db
        .prepare(
          'SELECT COUNT(*) AS n FROM generations g JOIN samples s ON s.id = g.sample_id WHERE s.run_id = ?',
        )
        .get(runId) as { n: number }
    ).n;
  }
});

describe('self-correct run, critique then rewrite (two calls per round)', () => {
  it('stores the critique call and the rewrite that builds on it, both on the round', async () => {
    const model = new ImproverProvider();
    const server = await startOpenAiServer(model, { modelName: 'critic' });
    try {
      const runId = await createRun({
        kind: 'correct',
        sourceRunId,
        rounds: 1,
        critique: true,
        limit: 2,
        models: [{ provider: 'openai', endpoint: `${server.url}/v1`, model: 'critic' }],
        renderSize: 64,
        metrics: { fidelity: false, diversity: false },
      });
      expect((await waitFor(runId, ['finished', 'failed'])).summary.status).toBe('finished');
      const rounds = samplesOf(runId).filter((r) => r.round === 1);
      expect(rounds).toHaveLength(2);
      for (const row of rounds) {
        const calls = db
          .prepare(
            'SELECT messages_json, raw_response, template_version FROM generations WHERE sample_id = ? ORDER BY id',
          )
          .all(row.id) as { messages_json: string; raw_response: string; template_version: string }[];
        expect(calls.map((c) => c.template_version)).toEqual(['critique@1', 'correct-critique@2']);
        const [critique, rewrite] = calls.map(
          (c) => JSON.parse(c.messages_json) as { role: string; content: string }[],
        );
        expect(critique!.at(-1)!.content).toContain('Do not write any code yet');
        expect(calls[0]!.raw_response).toContain(CRITIQUE_ANSWER);
        // The rewrite is shown the model's own critique as its earlier answer, then asked for the code.
        expect(rewrite!.filter((m) => m.role === 'assistant').map((m) => m.content)[1]).toBe(
          calls[0]!.raw_response,
        );
        expect(rewrite!.at(-1)!.content).toMatch(/improved code/);
        expect(markedRound(row.code ?? '')).toBe(1);
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
