/** Deleting runs: every row of the run goes, a run another run reads is kept, a running one too. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { DATABASE_FILE } from '../../../main/store/store.js';
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

const CONCEPTS = numberedConcepts(3);

describe('runs.delete', () => {
  const tmp = tempDataDir('vcheck-delete-');
  let engine: Engine;
  let sourceId = '';

  beforeAll(async () => {
    const datasetId = seedDataset(tmp.dir, CONCEPTS);
    const recording = writeRecording(
      tmp.dir,
      CONCEPTS.map((c, i) => ({
        prompt: `write code in the programming language SVG that draws ${c.text}`,
        response: svgAnswer('teal', 6 + i),
      })),
    );
    engine = await openEngine({ dataDir: tmp.dir });
    const config = {
      kind: 'draw',
      datasetId,
      models: [{ provider: 'recorded', file: recording }],
      languages: ['svg'],
      samples: 2,
      renderSize: 32,
      metrics: { fidelity: false, diversity: false },
    };
    sourceId = (await call<RunDetail>(engine, 'runs.create', { config })).summary.id;
    expect((await waitForRun(engine, sourceId)).summary.status).toBe('finished');
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  const count = (sql: string, id: string): number => {
    const db = new Database(path.join(tmp.dir, DATABASE_FILE), { readonly: true });
    try {
      return (db.prepare(sql).get(id) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const samplesOf = (id: string) => count('SELECT COUNT(*) AS n FROM samples WHERE run_id = ?', id);
  const rendersOf = (id: string) =>
    count('SELECT COUNT(*) AS n FROM renders d JOIN samples s ON s.id = d.sample_id WHERE s.run_id = ?', id);

  it('keeps a run another run reads, then deletes both with every row', async () => {
    const correct = {
      kind: 'correct',
      sourceRunId: sourceId,
      rounds: 1,
      models: [{ provider: 'recorded', file: 'x' }],
    };
    const reader = (await call<RunDetail>(engine, 'runs.create', { config: correct, start: false })).summary
      .id;
    expect(samplesOf(sourceId)).toBe(6);
    expect(rendersOf(sourceId)).toBe(6);
    await expect(call(engine, 'runs.delete', { id: sourceId })).rejects.toMatchObject({ code: 'conflict' });

    expect(await call(engine, 'runs.delete', { id: reader })).toEqual({ deleted: reader });
    expect(await call(engine, 'runs.delete', { id: sourceId })).toEqual({ deleted: sourceId });
    expect(samplesOf(sourceId)).toBe(0);
    expect(rendersOf(sourceId)).toBe(0);
    expect(
      count(
        'SELECT COUNT(*) AS n FROM generations WHERE sample_id NOT IN (SELECT id FROM samples) AND ? IS NOT NULL',
        sourceId,
      ),
    ).toBe(0);
    await expect(call(engine, 'runs.show', { id: sourceId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(engine, 'runs.delete', { id: sourceId })).rejects.toMatchObject({ code: 'not_found' });
  });
});
