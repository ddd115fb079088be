/**
 * Two engines on one data directory, as the app and a `vcheck` command are: opening the second
 * must not declare the first one's live run interrupted, and pausing or cancelling the run from
 * the second reaches the first through the store (a stop request its owner polls).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { RecordedProvider } from '../../../main/llm/recorded/recorded-provider.js';
import type { JobSummary } from '../../../shared/jobs.js';
import type { RunDetail } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  call,
  numberedConcepts,
  seedDataset,
  svgAnswer,
  waitForRun,
  writeRecording,
} from '../../fixtures/experiments/engine/draw-fixtures.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const CONCEPTS = numberedConcepts(6);
const ANSWERS = CONCEPTS.map((c, i) => ({
  prompt: `write code in the programming language SVG that draws ${c.text}`,
  response: svgAnswer('purple', 4 + i),
}));

describe('a run driven from a second engine on the same data dir', () => {
  const tmp = tempDataDir('vcheck-two-engines-');
  let owner: Engine;
  let other: Engine | undefined;
  let server: OpenAiTestServer;
  let datasetId = '';

  beforeAll(async () => {
    datasetId = seedDataset(tmp.dir, CONCEPTS);
    const recording = writeRecording(tmp.dir, ANSWERS);
    server = await startOpenAiServer(new RecordedProvider(recording), {
      modelName: 'slow',
      answerDelayMs: 80,
    });
    owner = await openEngine({ dataDir: tmp.dir });
  });
  afterAll(async () => {
    await other?.close();
    await owner.close();
    await server.close();
    tmp.cleanup();
  });

  /** A run that takes a while: `seed` differs per test so that no answer comes from the cache. */
  async function startSlowRun(seed: number): Promise<string> {
    const model = { provider: 'openai', endpoint: `${server.url}/v1`, model: 'slow', concurrency: 1 };
    const config = {
      kind: 'draw',
      datasetId,
      models: [model],
      languages: ['svg'],
      samples: 2,
      seed,
      renderSize: 32,
      metrics: { fidelity: false, diversity: false },
    };
    const { summary } = await call<RunDetail>(owner, 'runs.create', { config });
    while ((await call<RunDetail>(owner, 'runs.show', { id: summary.id })).summary.counts.samples < 2)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return summary.id;
  }

  it('leaves the live run running when a second engine opens, and pauses it from there', async () => {
    const id = await startSlowRun(1);
    other = await openEngine({ dataDir: tmp.dir });
    const seen = await call<RunDetail>(other, 'runs.show', { id });
    expect(seen.summary.status).toBe('running');
    expect((await call<JobSummary>(other, 'jobs.get', { id: seen.jobId })).status).toBe('running');

    const paused = await call<RunDetail>(other, 'runs.pause', { id });
    expect(paused.summary.status).toBe('paused');
    expect(paused.summary.counts.samples).toBeLessThan(CONCEPTS.length * 2);
    // The second engine resumes it; it finishes there with every sample exactly once.
    await call<RunDetail>(other, 'runs.resume', { id });
    const done = await waitForRun(other, id);
    expect(done.summary.status).toBe('finished');
    expect(done.summary.counts.samples).toBe(CONCEPTS.length * 2);
  }, 60_000);

  it('cancels another engine’s run through the job (the Jobs page’s cancel)', async () => {
    const id = await startSlowRun(2);
    other ??= await openEngine({ dataDir: tmp.dir });
    const { jobId } = await call<RunDetail>(other, 'runs.show', { id });
    await call<JobSummary>(other, 'jobs.cancel', { id: jobId });
    const until = Date.now() + 20_000;
    let run = await call<RunDetail>(owner, 'runs.show', { id });
    while (run.summary.status === 'running' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = await call<RunDetail>(owner, 'runs.show', { id });
    }
    expect(run.summary.status).toBe('cancelled');
    expect((await call<JobSummary>(owner, 'jobs.get', { id: jobId })).status).toBe('cancelled');
  }, 60_000);
});
