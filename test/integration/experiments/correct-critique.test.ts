/**
 * Self-correct runs in critique mode: two calls per round (the critique, then the rewrite shown it),
 * both stored on the round.
 */
import { describe, expect, it } from 'vitest';
import {
  CRITIQUE_ANSWER,
  ImproverProvider,
  markedRound,
} from '../../fixtures/experiments/correct/improver-provider.js';
import { useSourceRun } from '../../fixtures/experiments/correct/source-run.js';
import { startOpenAiServer } from '../../fixtures/openai-server.js';

const fx = useSourceRun();
const { waitFor, createRun, samplesOf } = fx;

describe('self-correct run, critique then rewrite (two calls per round)', () => {
  it('stores the critique call and the rewrite that builds on it, both on the round', async () => {
    const model = new ImproverProvider();
    const server = await startOpenAiServer(model, { modelName: 'critic' });
    try {
      const runId = await createRun({
        kind: 'correct',
        sourceRunId: fx.sourceRunId,
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
        const calls = fx.db
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
