import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { openStore } from '../../../main/store/store.js';
import type { DatasetPreview, DatasetSummary } from '../../../shared/datasets.js';
import type { DatasetBuildRequest, JobSummary } from '../../../shared/jobs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeCocoCaptions } from '../../fixtures/datasets/coco-captions-file.js';
import { writeObjectInfo150 } from '../../fixtures/datasets/object-info-file.js';

async function call<T>(engine: Engine, name: string, request: unknown): Promise<T> {
  const r = await engine.dispatch(name, request);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function build(engine: Engine, params: DatasetBuildRequest): Promise<JobSummary> {
  const started = await call<JobSummary>(engine, 'jobs.start', { kind: 'datasets.build', params });
  for (;;) {
    const job = await call<JobSummary>(engine, 'jobs.get', { id: started.id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function conceptRows(dataDir: string): number {
  const store = openStore({ dataDir });
  try {
    return (store.db.prepare('SELECT COUNT(*) AS n FROM concepts').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

describe('building dataset versions', () => {
  let tmp: ReturnType<typeof tempDataDir>;
  let engine: Engine;
  beforeEach(async () => {
    tmp = tempDataDir();
    engine = await openEngine({ dataDir: tmp.dir });
  });
  afterEach(async () => {
    await engine.close();
    tmp.cleanup();
  });

  it('gives the same content hash for the same seed, a new one for a new seed, and numbers versions', async () => {
    const a = await build(engine, { source: 'shapes', seed: 11, size: 2000, name: 'probe' });
    const b = await build(engine, { source: 'shapes', seed: 11, size: 2000, name: 'probe' });
    const c = await build(engine, { source: 'shapes', seed: 12, size: 2000, name: 'probe' });
    expect(a).toMatchObject({ status: 'succeeded', result: { count: 2000, version: 1 } });
    expect(b.result).toMatchObject({
      contentHash: a.result?.kind === 'datasets.build' && a.result.contentHash,
      version: 2,
    });
    expect(c.result).toMatchObject({ version: 3 });
    expect(c.result).not.toMatchObject({ contentHash: (a.result as { contentHash: string }).contentHash });
    const list = await call<DatasetSummary[]>(engine, 'datasets.list', {});
    expect(list.map((d) => d.version).sort()).toEqual([1, 2, 3]);
  });

  it('keeps structured attributes and per-attribute counts for slicing', async () => {
    const job = await build(engine, {
      source: 'shapes',
      seed: 3,
      size: 300,
      filter: { categories: ['shape-2d'], attributes: { colour: ['red', 'blue'] } },
    });
    const id = (job.result as { id: string }).id;
    const preview = await call<DatasetPreview>(engine, 'datasets.preview', { id, limit: 300 });
    expect(preview.items).toHaveLength(300);
    for (const item of preview.items) {
      expect(item.attributes.shapeCategory).toBe('shape-2d');
      expect(['red', 'blue']).toContain(item.attributes.colour);
      expect(item.text).toContain(String(item.attributes.colour));
    }
    const colours = preview.dataset.stats.attributes.colour ?? {};
    expect((colours.red ?? 0) + (colours.blue ?? 0)).toBe(300);
    expect(preview.dataset.stats.categories).toEqual({ shapes: 300 });
  });

  it('builds the standard test split and the built-in objects and scenes', async () => {
    const split = await build(engine, { source: 'shapes', seed: 20240617, split: 'test' });
    expect(split.result).toMatchObject({ count: 1500 });
    expect(await build(engine, { source: 'objects' })).toMatchObject({
      result: { count: 1000, name: 'objects' },
    });
    expect(await build(engine, { source: 'scenes' })).toMatchObject({
      result: { count: 1000, name: 'scenes' },
    });
  });

  it('imports real-format ADE20K and COCO files and records their source', async () => {
    const ade = path.join(tmp.dir, 'objectInfo150.csv');
    writeObjectInfo150(ade);
    const objects = await build(engine, {
      source: 'import',
      format: 'ade20k-objects',
      file: ade,
      options: { top: 20 },
    });
    expect(objects).toMatchObject({ status: 'succeeded', result: { count: 20, name: 'objectInfo150' } });
    const coco = path.join(tmp.dir, 'captions_val2017.json');
    writeCocoCaptions(coco, { images: 200, seed: 5 });
    const scenes = await build(engine, {
      source: 'import',
      format: 'coco-captions',
      file: coco,
      options: { n: 50, seed: 9 },
    });
    expect(scenes.result).toMatchObject({ count: 50 });
    const again = await build(engine, {
      source: 'import',
      format: 'coco-captions',
      file: coco,
      options: { n: 50, seed: 9 },
    });
    expect(again.result).toMatchObject({
      contentHash: (scenes.result as { contentHash: string }).contentHash,
    });
    const dataset = await call<DatasetSummary>(engine, 'datasets.get', {
      id: (scenes.result as { id: string }).id,
    });
    expect(dataset).toMatchObject({ kind: 'scenes', seed: 9, source: 'import:coco-captions' });
    expect(dataset.params).toMatchObject({
      kind: 'coco-captions',
      file: coco,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('fails bad input with a precise error and writes nothing', async () => {
    const ade = path.join(tmp.dir, 'objectInfo150.csv');
    writeObjectInfo150(ade, (lines) =>
      lines.map((l, i) => (i === 12 ? l.replace(/^(\d+),[^,]+/, '$1,abc') : l)),
    );
    const failed = await build(engine, { source: 'import', format: 'ade20k-objects', file: ade });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/objectInfo150\.csv:13\b.*abc/);
    const lines = path.join(tmp.dir, 'concepts.txt');
    writeFileSync(lines, '');
    expect((await build(engine, { source: 'import', format: 'lines', file: lines })).error).toMatch(
      /concepts\.txt/,
    );
    expect(await call<DatasetSummary[]>(engine, 'datasets.list', {})).toEqual([]);
    expect(conceptRows(tmp.dir)).toBe(0);
  });

  it('discards a cancelled build whole, and a build a dead process left behind at the next open', async () => {
    const started = await call<JobSummary>(engine, 'jobs.start', {
      kind: 'datasets.build',
      params: { source: 'shapes', seed: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await call(engine, 'jobs.cancel', { id: started.id });
    for (;;) {
      const job = await call<JobSummary>(engine, 'jobs.get', { id: started.id });
      if (job.status !== 'running') {
        expect(job.status).toBe('cancelled');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(conceptRows(tmp.dir)).toBe(0);

    // A dead process's half-written version: invisible, then removed when the engine opens.
    const store = openStore({ dataDir: tmp.dir });
    const { id } = store.datasets.beginVersion({
      name: 'half',
      kind: 'imported',
      source: 'x',
      params: {},
      seed: null,
    });
    store.datasets.appendConcepts(id, 0, [{ key: 'a', text: 'a cat', category: 'objects', attributes: {} }]);
    expect(store.datasets.get(id)).toBeNull();
    store.close();
    await engine.close();
    engine = await openEngine({ dataDir: tmp.dir });
    expect(conceptRows(tmp.dir)).toBe(0);
  });

  it('edits by deriving the next version: drop, add (deduplicated), then a seeded sample', async () => {
    const base = await build(engine, { source: 'objects' });
    const parent = (base.result as { id: string }).id;
    const first = await call<DatasetPreview>(engine, 'datasets.preview', { id: parent, limit: 2 });
    const [dropped, kept] = first.items;
    const add = [{ text: '  a  Flux   capacitor ' }, { text: (kept?.text ?? '').toUpperCase() }];
    const derived = await build(engine, {
      source: 'derive',
      from: parent,
      dropKeys: [dropped?.key ?? ''],
      add,
    });
    expect(derived.result).toMatchObject({ name: 'objects', version: 2, count: 1000 });
    const child = await call<DatasetSummary>(engine, 'datasets.get', {
      id: (derived.result as { id: string }).id,
    });
    expect(child.parentId).toBe(parent);
    const tail = await call<DatasetPreview>(engine, 'datasets.preview', {
      id: child.id,
      offset: 999,
      limit: 1,
    });
    expect(tail.items[0]).toMatchObject({ text: 'a Flux capacitor', key: 'added:1' });

    const sampleA = await build(engine, { source: 'derive', from: child.id, sample: { size: 50, seed: 4 } });
    const sampleB = await build(engine, { source: 'derive', from: child.id, sample: { size: 50, seed: 4 } });
    expect(sampleA.result).toMatchObject({ count: 50, version: 3 });
    expect((sampleB.result as { contentHash: string }).contentHash).toBe(
      (sampleA.result as { contentHash: string }).contentHash,
    );
    const tooMany = await build(engine, {
      source: 'derive',
      from: child.id,
      sample: { size: 5000, seed: 1 },
    });
    expect(tooMany).toMatchObject({ status: 'failed', error: expect.stringMatching(/exceeds/) });
  });

  it('exports JSONL and CSV that import back to the same concepts', async () => {
    const job = await build(engine, { source: 'shapes', seed: 5, size: 200 });
    const id = (job.result as { id: string }).id;
    const jsonl = path.join(tmp.dir, 'out.jsonl');
    const csv = path.join(tmp.dir, 'out.csv');
    expect(await call(engine, 'datasets.export', { id, format: 'jsonl', file: jsonl })).toMatchObject({
      count: 200,
    });
    expect(await call(engine, 'datasets.export', { id, format: 'csv', file: csv })).toMatchObject({
      count: 200,
    });
    expect(readFileSync(jsonl, 'utf8').trim().split('\n')).toHaveLength(200);
    const back = await build(engine, {
      source: 'import',
      format: 'jsonl',
      file: jsonl,
      options: { keyField: 'key', categoryField: 'category' },
    });
    const fromCsv = await build(engine, {
      source: 'import',
      format: 'csv',
      file: csv,
      options: { textColumn: 'text', keyColumn: 'key' },
    });
    const original = await call<DatasetPreview>(engine, 'datasets.preview', { id, limit: 200 });
    for (const other of [back, fromCsv]) {
      const copy = await call<DatasetPreview>(engine, 'datasets.preview', {
        id: (other.result as { id: string }).id,
        limit: 200,
      });
      expect(copy.items.map((i) => [i.key, i.text])).toEqual(original.items.map((i) => [i.key, i.text]));
    }
  });
});
