import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConceptView } from '../../../shared/datasets.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeCocoCaptions } from '../../fixtures/datasets/coco-captions-file.js';
import { writeObjectInfo150 } from '../../fixtures/datasets/object-info-file.js';
import { runCli } from './cli-process.js';

describe('vcheck datasets', () => {
  const tmp = tempDataDir('vcheck-datasets-cli-');
  const cli = (...args: string[]) => runCli(['--data-dir', tmp.dir, ...args]);
  afterAll(() => tmp.cleanup());

  it('create shapes --json prints { id, count, contentHash }, the same hash for the same seed', async () => {
    const a = await cli('datasets', 'create', 'shapes', '--seed', '42', '--size', '500', '--json');
    const b = await cli(
      'datasets',
      'create',
      'shapes',
      '--seed',
      '42',
      '--size',
      '500',
      '--name',
      'other',
      '--json',
    );
    expect(a.code, a.stderr).toBe(0);
    const first = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['contentHash', 'count', 'id']);
    expect(first.count).toBe(500);
    expect(JSON.parse(b.stdout)).toMatchObject({ count: 500, contentHash: first.contentHash });
    expect(JSON.parse(b.stdout).id).not.toBe(first.id);

    const preview = await cli('datasets', 'preview', String(first.id), '--limit', '3', '--json');
    const items = JSON.parse(preview.stdout) as ConceptView[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      index: 0,
      category: 'shapes',
      attributes: { shapeCategory: expect.any(String) },
    });
  });

  it('imports ADE20K objectInfo150 with --top and COCO captions with --n --seed', async () => {
    const ade = path.join(tmp.dir, 'objectInfo150.csv');
    writeObjectInfo150(ade);
    const objects = await cli('datasets', 'import', 'ade20k-objects', ade, '--top', '30', '--json');
    expect(objects.code, objects.stderr).toBe(0);
    expect(JSON.parse(objects.stdout)).toMatchObject({
      count: 30,
      contentHash: expect.stringMatching(/^sha256:/),
    });

    const coco = path.join(tmp.dir, 'captions_train2017.json');
    writeCocoCaptions(coco, { images: 120, seed: 2 });
    const one = await cli('datasets', 'import', 'coco-captions', coco, '--n', '40', '--seed', '3', '--json');
    const two = await cli('datasets', 'import', 'coco-captions', coco, '--n', '40', '--seed', '3', '--json');
    expect(JSON.parse(one.stdout)).toMatchObject({ count: 40 });
    expect(JSON.parse(two.stdout).contentHash).toBe(JSON.parse(one.stdout).contentHash);
  });

  it('fails bad input with one line naming the file and line, and a non-zero exit', async () => {
    const bad = path.join(tmp.dir, 'broken.jsonl');
    writeFileSync(bad, '{"text": "a cat"}\n{"text": "a dog"\n');
    const result = await cli('datasets', 'import', 'jsonl', bad, '--json');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('dataset:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/broken\.jsonl:2\b/);
  });

  it('exports a version to CSV', async () => {
    const made = await cli('datasets', 'create', 'scenes', '--json');
    const { id } = JSON.parse(made.stdout) as { id: string };
    const out = path.join(tmp.dir, 'scenes.csv');
    const exported = await cli('datasets', 'export', id, '-o', out, '--json');
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'csv', count: 1000, file: out });
  });
});
