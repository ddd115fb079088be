import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPngInfo } from '../../../main/store/png.js';
import { openStore } from '../../../main/store/store.js';
import { RenderService } from '../../../main/render/render-answer.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';
import { runCli } from '../cli/cli-process.js';

const tmp = tempDataDir('vcheck-render-cli-');
afterAll(() => tmp.cleanup());

const samples = readFileSync(path.join('resources', 'samples', 'answers-svg-p5.jsonl'), 'utf8')
  .trim()
  .split('\n');
const svgAnswer =
  '```svg\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><circle cx="25" cy="25" r="20" fill="red"/></svg>\n```';

describe('vcheck render', () => {
  it('renders one answer file to a PNG', async () => {
    const answer = path.join(tmp.dir, 'answer.md');
    const out = path.join(tmp.dir, 'one.png');
    writeFileSync(answer, svgAnswer);
    const run = await runCli([
      '--data-dir',
      path.join(tmp.dir, 'data'),
      'render',
      answer,
      '-l',
      'svg',
      '-o',
      out,
      '--size',
      '200',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ok 200x100 \d+ ms resvg@/);
    expect(readPngInfo(readFileSync(out))).toEqual({ width: 200, height: 100 });
  });

  it('renders a JSONL batch: one report line per input, PNGs for successes, a contact sheet', async () => {
    const input = path.join(tmp.dir, 'batch.jsonl');
    const lines = [
      samples[0]!, // ds01-svg
      samples[1]!, // ds01-p5js
      JSON.stringify({ id: 'prose', language: 'svg', response: 'I would rather not.' }),
      JSON.stringify({
        id: 'python-as-p5',
        language: 'p5js',
        response: '```python\nimport turtle\nturtle.forward(9)\n```',
      }),
      JSON.stringify({ id: 'x/../../escape', language: 'svg', response: svgAnswer }),
      '{ not json',
    ];
    writeFileSync(input, `${lines.join('\n')}\n`);
    const outDir = path.join(tmp.dir, 'out');
    const sheet = path.join(tmp.dir, 'sheet.png');
    const run = await runCli([
      '--data-dir',
      path.join(tmp.dir, 'data'),
      'render',
      '--batch',
      input,
      '--out',
      outDir,
      '--sheet',
      sheet,
      '--size',
      '128',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = readFileSync(path.join(outDir, 'report.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(report.map((r) => r['status'])).toEqual([
      'ok',
      'ok',
      'no_code',
      'wrong_language',
      'ok',
      'invalid_input',
    ]);
    for (const r of report)
      expect(Object.keys(r).sort()).toEqual([
        'error',
        'id',
        'image',
        'language',
        'ms',
        'renderer',
        'sandbox',
        'status',
      ]);
    expect(report[4]!['image']).toBe('x_.._.._escape.png');
    for (const r of report.filter((x) => x['image'])) {
      const info = readPngInfo(readFileSync(path.join(outDir, r['image'] as string)));
      expect(Math.max(info.width, info.height)).toBe(128);
    }
    expect(existsSync(path.join(tmp.dir, 'escape.png'))).toBe(false);
    expect(readPngInfo(readFileSync(sheet)).width).toBeGreaterThan(3 * 160);
  });
});

describe('render service storage', () => {
  it('stores the image content-addressed and writes a renders row for a sample', async () => {
    const dataDir = path.join(tmp.dir, 'stored');
    seedStore(dataDir, { runs: 1 });
    const store = openStore({ dataDir });
    const service = new RenderService(store, 1);
    try {
      const sampleId = (store.db.prepare('SELECT id FROM samples').get() as { id: number }).id;
      const outcome = await service.renderAnswer('svg', svgAnswer, { sampleId, size: 64 });
      expect(outcome.status).toBe('ok');
      expect(store.images.existingPath(outcome.imageHash!)).toBeTruthy();
      const row = store.db
        .prepare('SELECT * FROM renders WHERE sample_id = ? ORDER BY id DESC')
        .get(sampleId) as Record<string, unknown>;
      expect(row).toMatchObject({
        status: 'ok',
        image_hash: outcome.imageHash,
        width: 64,
        height: 32,
        sandbox: 'child-process',
        renderer: 'resvg',
      });
    } finally {
      await service.dispose();
      store.close();
    }
  });
});
