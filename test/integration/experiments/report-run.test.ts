/**
 * `runs.report` through the engine on seeded draw, recognise and self-correct runs; the HTML is
 * read back with Python's html.parser (an independent parser) and checked for what a reader needs
 * and for what must never be there (scripts, style attributes, unescaped model output).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { writeRunReport } from '../../../main/experiments/report/write-report.js';
import { openStore } from '../../../main/store/store.js';
import type { RunReportWritten } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  CHOICES,
  correctFidelity,
  seedCorrectRun,
  seedRecogniseRun,
} from '../../fixtures/experiments/report/seeded-kinds.js';
import {
  PLANTED_SCRIPT,
  SEEDED_CONCEPTS,
  seedDrawRun,
  type SeededRun,
} from '../../fixtures/experiments/report/seeded-run.js';

const READER = path.resolve('test/fixtures/experiments/report/read_report.py');

interface ParsedReport {
  tags: Record<string, number>;
  attrs: Record<string, number>;
  csp: string;
  styleHash: string;
  imgs: string[];
  sections: string[];
  tables: { class: string | null; rows: string[][] }[];
  text: string;
}

function parse(file: string): ParsedReport {
  return JSON.parse(execFileSync('/usr/bin/python3', [READER, file], { encoding: 'utf8' })) as ParsedReport;
}

describe('runs.report', () => {
  const temp = tempDataDir('vcheck-report-');
  const dataDir = path.join(temp.dir, 'data');
  let engine: Engine;
  let draw: SeededRun;
  let recogniseId: string;
  let correct: { runId: string; ids: number[][] };

  beforeAll(async () => {
    const store = openStore({ dataDir });
    draw = seedDrawRun(store);
    recogniseId = seedRecogniseRun(store, draw.datasetId);
    correct = seedCorrectRun(store, draw.datasetId);
    store.close();
    engine = await openEngine({ dataDir });
  });

  afterAll(async () => {
    await engine?.close();
    temp.cleanup();
  });

  async function report(id: string, out: string, embedImages = true): Promise<RunReportWritten> {
    const result = await engine.dispatch('runs.report', { id, out, embedImages });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as RunReportWritten;
  }

  it('writes one self-contained file: images as data URIs, a strict CSP that allows its own style', async () => {
    const file = path.join(temp.dir, 'out', 'draw.html');
    const written = await report(draw.runId, file);
    const parsed = parse(file);
    expect(written).toEqual({ file, bytes: readFileSync(file).length, images: draw.imageSampleIds.length });
    expect(parsed.sections).toEqual(['overview', 'metrics', 'gallery', 'failures', 'provenance']);
    expect(parsed.imgs).toHaveLength(draw.imageSampleIds.length);
    const stored = new Set(draw.items.flatMap((i) => (i.render?.imageHash ? [i.render.imageHash] : [])));
    for (const src of parsed.imgs) {
      expect(src.startsWith('data:image/png;base64,')).toBe(true);
      const hash = createHash('sha256')
        .update(Buffer.from(src.slice(22), 'base64'))
        .digest('hex');
      expect(stored.has(hash)).toBe(true);
    }
    expect(parsed.csp).toContain("default-src 'none'");
    expect(parsed.csp).toContain("script-src 'none'");
    expect(parsed.csp).toContain(`style-src '${parsed.styleHash}'`);
    expect(parsed.tags.script ?? 0).toBe(0);
    expect(parsed.attrs.style ?? 0).toBe(0); // the CSP would block them
    expect(parsed.tags.svg).toBeGreaterThanOrEqual(3); // two count charts and the per-category chart
    expect(readdirSync(path.dirname(file))).toEqual(['draw.html']);
  });

  it('keeps model output as text: the planted script shows verbatim in failures and config', async () => {
    const file = path.join(temp.dir, 'out', 'draw.html');
    const parsed = parse(file);
    expect(parsed.text.split(PLANTED_SCRIPT).length - 1).toBeGreaterThanOrEqual(3);
    const failures = parsed.tables.find((t) => t.class === 'failures')!;
    expect(failures.rows.slice(1).map((r) => [r[0], r[5], r[6]])).toEqual([
      [String(draw.sampleIds[5]), 'llm_error', '–'],
      [String(draw.sampleIds[6]), 'done', 'compile_error'],
    ]);
  });

  it('tabulates the run, category and model scores with their stored intervals', async () => {
    const parsed = parse(path.join(temp.dir, 'out', 'draw.html'));
    const values = [...draw.fidelity.values()];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const runRow = parsed.tables
      .flatMap((t) => t.rows)
      .find((r) => r[0] === 'fidelity.percentile' && r.length === 8)!;
    expect(Number(runRow[1])).toBeCloseTo(mean, 3);
    expect(Number(runRow[2])).toBeLessThanOrEqual(mean);
    expect(Number(runRow[3])).toBeGreaterThanOrEqual(mean);
    expect(runRow[4]).toBe(String(values.length));
    const shapes = draw.imageSampleIds
      .filter(
        (id) =>
          SEEDED_CONCEPTS[draw.items[draw.sampleIds.indexOf(id)]!.sample.conceptIdx]!.category === 'shapes',
      )
      .map((id) => draw.fidelity.get(id)!);
    const categoryRow = parsed.tables.flatMap((t) => t.rows).find((r) => r[1] === 'shapes')!;
    expect(Number(categoryRow[2])).toBeCloseTo(shapes.reduce((a, b) => a + b, 0) / shapes.length, 3);
    const counts = parsed.tables.filter((t) => t.class === 'counts').map((t) => t.rows.slice(1));
    expect(counts[0]).toEqual([
      ['done', '15'],
      ['llm_error', '1'],
      ['total', '16'],
    ]);
    expect(counts[1]).toEqual([
      ['compile_error', '1'],
      ['not rendered', '1'],
      ['ok', '14'],
      ['total', '16'],
    ]);
  });

  it('writes the images beside the report when not embedding', async () => {
    const file = path.join(temp.dir, 'beside', 'run report.html');
    const written = await report(draw.runId, file, false);
    const parsed = parse(file);
    const folder = path.join(temp.dir, 'beside', 'run report_files');
    const names = readdirSync(folder).sort();
    expect(written.images).toBe(names.length);
    for (const name of names)
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(folder, name)))
          .digest('hex'),
      ).toBe(name.slice(0, -4));
    expect(parsed.imgs.every((src) => src.startsWith('run%20report_files/'))).toBe(true);
    expect(parsed.csp).toMatch(/img-src data: 'self'/);
  });

  it('caps the gallery per concept and says how many it left out', () => {
    const store = openStore({ dataDir });
    try {
      const file = path.join(temp.dir, 'capped.html');
      const written = writeRunReport(
        store,
        { id: draw.runId, out: file, embedImages: true },
        { perConcept: 1, images: 3, failures: 1 },
      );
      const parsed = parse(file);
      expect(written.images).toBe(3);
      expect(parsed.text).toContain(`Showing 3 of ${draw.imageSampleIds.length} images`);
      expect(parsed.text).toContain('Showing the first 1 of 2');
    } finally {
      store.close();
    }
  });

  it('shows a recognise run’s accuracy and its confusion matrix', async () => {
    const file = path.join(temp.dir, 'out', 'recognise.html');
    await report(recogniseId, file);
    const parsed = parse(file);
    expect(parsed.sections).toContain('recognition');
    const matrix = parsed.tables.find((t) => t.class === 'confusion')!;
    const text = (i: number) => SEEDED_CONCEPTS[i]!.text;
    const labels = matrix.rows[0]!.slice(1, -1);
    for (const row of matrix.rows.slice(1)) {
      const truth = row[0]!;
      labels.forEach((label, c) => {
        const expected = CHOICES.filter(
          (x) => text(x.truth) === truth && x.chosen !== null && text(x.chosen) === label,
        ).length;
        expect(Number(row[c + 1]), `${truth} → ${label}`).toBe(expected);
      });
      const unparsed = CHOICES.filter((x) => text(x.truth) === truth && x.chosen === null).length;
      expect(Number(row.at(-1))).toBe(unparsed);
    }
    const accuracy = parsed.tables
      .flatMap((t) => t.rows)
      .find((r) => r[0] === 'recognition.choice.accuracy' && r.length === 5)!;
    expect(Number(accuracy[1])).toBeCloseTo(
      CHOICES.filter((c) => c.chosen === c.truth).length / CHOICES.length,
      3,
    );
    expect(parsed.tags.script ?? 0).toBe(0);
  });

  it('shows a self-correct run’s fidelity per round, outcomes and trajectories with diffs', async () => {
    const file = path.join(temp.dir, 'out', 'correct.html');
    await report(correct.runId, file);
    const parsed = parse(file);
    expect(parsed.sections).toContain('correction');
    const trajectories = parsed.tables.find((t) => t.class === 'trajectories')!;
    expect(
      trajectories.rows.slice(1).map((r) => r.slice(3).map((cell) => Number(cell.match(/^\d+/)?.[0]))),
    ).toEqual([0, 1, 2].map((t) => [0, 1, 2].map((r) => correctFidelity(t, r))));
    expect(parsed.text).toContain('-<circle r="0"/>');
    expect(parsed.text).toContain('+<circle r="1"/>');
    expect(parsed.tags.details).toBe(6);
    const perRound = parsed.tables
      .flatMap((t) => t.rows)
      .filter((r) => r[0] === 'fidelity.percentile' && r.length === 6);
    expect(perRound.map((r) => Number(r[2]))).toEqual(
      [0, 1, 2].map((r) => expect.closeTo([0, 1, 2].reduce((a, t) => a + correctFidelity(t, r), 0) / 3, 3)),
    );
    expect(parsed.text).toContain(PLANTED_SCRIPT);
  });

  it('reports a run with no samples yet', async () => {
    const store = openStore({ dataDir });
    const id = store.runs.insert({
      name: 'empty',
      kind: 'draw',
      config: {},
      configVersion: 1,
      appVersion: 'test',
    });
    store.close();
    const file = path.join(temp.dir, 'out', 'empty.html');
    expect(await report(id, file)).toMatchObject({ images: 0 });
    const parsed = parse(file);
    expect(parsed.sections).toEqual(['overview', 'metrics', 'gallery', 'failures', 'provenance']);
    expect(parsed.text).toContain('No run-level scores yet.');
    expect(parsed.text).toContain('No images.');
  });

  it('answers not_found for an unknown run', async () => {
    const result = await engine.dispatch('runs.report', { id: 'nope', out: path.join(temp.dir, 'x.html') });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
