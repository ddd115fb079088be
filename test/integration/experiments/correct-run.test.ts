/**
 * Self-correct runs end to end through the engine, against a loopback OpenAI server whose fixture
 * model adds a shape per round: rows, parents, codes, per-round fidelity (tiny ONNX CLIP), outcomes
 * and trajectories. The source run is test/fixtures/experiments/correct/source-run.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctionTrajectories } from '../../../main/experiments/correct/trajectory.js';
import { ImproverProvider, markedRound } from '../../fixtures/experiments/correct/improver-provider.js';
import {
  CONCEPTS,
  trajectoriesOf,
  type SampleRow,
  useSourceRun,
} from '../../fixtures/experiments/correct/source-run.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const fx = useSourceRun();
const { waitFor, createRun, samplesOf, latestRender, generationsOf, fidelityOf, expectChained } = fx;

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
      sourceRunId: fx.sourceRunId,
      rounds: ROUNDS,
      models: [{ provider: 'openai', endpoint, model: 'fixer', concurrency: 2 }],
      renderSize: 64,
    });
    expect((await waitFor(runId, ['finished', 'failed'])).summary.status).toBe('finished');
  }, 120_000);

  afterAll(async () => server?.close());

  it('starts each trajectory from a copy of a source drawing that rendered ok', () => {
    const source = fx.db
      .prepare('SELECT * FROM samples WHERE run_id = ? ORDER BY id')
      .all(fx.sourceRunId) as SampleRow[];
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
      expect(fidelityOf(runId, row.id)).toBeCloseTo(fidelityOf(fx.sourceRunId, row.parent_sample_id!)!, 9);
    for (const round of [0, 1, 2]) {
      const values = rows.filter((r) => r.round === round).flatMap((r) => fidelityOf(runId, r.id) ?? []);
      const stored = fx.db
        .prepare(
          `SELECT value FROM metrics WHERE run_id = ? AND scope = 'round' AND scope_key = ? AND name = 'fidelity.percentile'`,
        )
        .get(runId, String(round)) as { value: number };
      expect(values.length).toBe(round === 1 ? 6 : 7);
      expect(stored.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    }
    const drawRounds = fx.db
      .prepare(`SELECT COUNT(*) AS n FROM metrics WHERE run_id = ? AND scope = 'round'`)
      .get(fx.sourceRunId) as { n: number };
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
      const stored = fx.db
        .prepare(`SELECT value, provenance_json FROM metrics WHERE run_id = ? AND scope = 'run' AND name = ?`)
        .get(runId, `correct.${name}`) as { value: number; provenance_json: string };
      expect(stored.value).toBeCloseTo(count / 7, 12);
      expect(JSON.parse(stored.provenance_json)).toMatchObject({
        n: { trajectories: 7, counted: 7 },
        settings: { tolerance: 0.5 },
      });
    }
    // Round 1 vs round 0: the refused drawing has no round-1 image, so 6 trajectories count.
    const round1 = fx.db
      .prepare(
        `SELECT value, provenance_json FROM metrics WHERE run_id = ? AND scope = 'round' AND scope_key = '1' AND name = ?`,
      )
      .all(runId, 'correct.improved') as { value: number; provenance_json: string }[];
    expect(round1).toHaveLength(1);
    expect(JSON.parse(round1[0]!.provenance_json)).toMatchObject({ n: { trajectories: 7, counted: 6 } });
  });

  it('reads the trajectories back with diffs that patch one round into the next', () => {
    const trajectories = correctionTrajectories(fx.db, runId);
    expect(trajectories).toHaveLength(7);
    const rows = samplesOf(runId);
    for (const t of trajectories) {
      expect(t.rounds.map((r) => r.sampleId)).toEqual(
        rows.filter((r) => r.sample_index === t.sampleIndex).map((r) => r.id),
      );
      expect(t.text).toBe(CONCEPTS[t.conceptIdx]);
      const last = t.rounds[ROUNDS]!;
      const first = t.rounds[0]!;
      const file = path.join(fx.tmp.dir, `trajectory-${t.sampleIndex}.txt`);
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
