import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../main/api/open-engine.js';
import { openStore } from '../../../main/store/store.js';
import type { RunDetail } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  call,
  numberedConcepts,
  seedDataset,
  waitForRun,
} from '../../fixtures/experiments/engine/draw-fixtures.js';
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';

const TOTAL = 10 * 2 * 2; // concepts × languages × samples
const KILL_AT = 8;

interface SampleRow {
  id: number;
  concept_idx: number;
  language: string;
  sample_index: number;
  created_at: string;
  status: string;
  cache_key: string;
  cached: number;
}

function samplesOf(dataDir: string, runId: string): SampleRow[] {
  const store = openStore({ dataDir });
  try {
    return store.db
      .prepare(
        `SELECT s.id, s.concept_idx, s.language, s.sample_index, s.created_at, s.status, g.cache_key, g.cached
         FROM samples s JOIN generations g ON g.sample_id = s.id WHERE s.run_id = ? ORDER BY s.id`,
      )
      .all(runId) as SampleRow[];
  } finally {
    store.close();
  }
}

function cacheKeys(dataDir: string): Set<string> {
  const store = openStore({ dataDir });
  try {
    return new Set(
      (store.db.prepare('SELECT key FROM llm_cache').all() as { key: string }[]).map((r) => r.key),
    );
  } finally {
    store.close();
  }
}

/** Starts the run in a child process and kills it with SIGKILL once `killAt` samples are committed. */
async function runAndKill(dataDir: string, config: unknown): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/fixtures/experiments/engine/draw-run-child.ts',
      dataDir,
      JSON.stringify(config),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let runId = '';
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('run ')) runId = line.slice(4);
    if (line.startsWith('samples ') && Number(line.slice(8)) >= KILL_AT) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return runId;
}

describe('a draw run on the tiny GGUF killed with kill -9', () => {
  const tmp = tempDataDir('vcheck-draw-kill-');
  let modelPath = '';
  let datasetId = '';
  beforeAll(() => {
    modelPath = writeTinyLlama(tmp.dir);
    datasetId = seedDataset(tmp.dir, numberedConcepts(10));
  });
  afterAll(() => tmp.cleanup());

  it('resumes with no finished sample redone and nothing lost', async () => {
    const config = {
      kind: 'draw',
      datasetId,
      models: [{ provider: 'embedded', model: modelPath, threads: 1, contextSize: 256, label: 'tiny' }],
      languages: ['svg', 'p5js'],
      samples: 2,
      sampling: { maxTokens: 24 },
      renderSize: 32,
      metrics: { fidelity: false, diversity: false },
    };
    const runId = await runAndKill(tmp.dir, config);
    expect(runId).not.toBe('');
    const before = samplesOf(tmp.dir, runId);
    expect(before.length).toBeGreaterThanOrEqual(KILL_AT);
    expect(before.length).toBeLessThan(TOTAL);
    const cachedBefore = cacheKeys(tmp.dir);

    const engine = await openEngine({ dataDir: tmp.dir });
    let run: RunDetail;
    try {
      expect((await call<RunDetail>(engine, 'runs.show', { id: runId })).summary.status).toBe('interrupted');
      await call<RunDetail>(engine, 'runs.resume', { id: runId });
      run = await waitForRun(engine, runId, 150_000);
    } finally {
      await engine.close();
    }
    expect(run.summary.status).toBe('finished');
    const after = samplesOf(tmp.dir, runId);
    expect(after).toHaveLength(TOTAL);
    const keys = new Set(after.map((s) => `${s.concept_idx}|${s.language}|${s.sample_index}`));
    expect(keys.size).toBe(TOTAL);
    // Committed before the kill: untouched (same row, same commit time, same answer).
    const byId = new Map(after.map((s) => [s.id, s]));
    for (const s of before) expect(byId.get(s.id)).toEqual(s);
    // Answers the killed process got but had not committed come from the response cache.
    const fresh = after.filter((s) => !before.some((b) => b.id === s.id));
    for (const s of fresh) expect(s.cached).toBe(cachedBefore.has(s.cache_key) ? 1 : 0);
    expect(cacheKeys(tmp.dir).size).toBe(TOTAL);
    // Versions: the model file's hash, the template and both renderers.
    const sha = createHash('sha256').update(readFileSync(modelPath)).digest('hex');
    expect(run.versions?.models).toEqual({
      tiny: { provider: 'embedded', model: 'tiny.gguf', fileSha256: sha },
    });
    expect(run.versions?.templates).toEqual({ draw: 'draw@1' });
    expect(Object.keys(run.versions?.renderers ?? {}).sort()).toEqual(['p5js', 'svg']);
  }, 240_000);
});
