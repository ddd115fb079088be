/**
 * A self-correct run stopped mid-trajectory (a failed call, a pause) resumes at the next round with
 * the code read back, and with render feedback on, tells the model how the code rendered.
 */
import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImproverProvider } from '../../fixtures/experiments/correct/improver-provider.js';
import { trajectoriesOf, useSourceRun } from '../../fixtures/experiments/correct/source-run.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';
import type { RunDetail } from '../../../shared/runs.js';

const fx = useSourceRun();
const { call, waitFor, createRun, samplesOf, latestRender, generationsOf, expectChained } = fx;

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
      sourceRunId: fx.sourceRunId,
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
    const clipFolder = path.join(fx.dataDir, 'models', 'metrics', 'clip-vit-b32');
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
      fx.db
        .prepare(
          'SELECT COUNT(*) AS n FROM generations g JOIN samples s ON s.id = g.sample_id WHERE s.run_id = ?',
        )
        .get(runId) as { n: number }
    ).n;
  }
});
