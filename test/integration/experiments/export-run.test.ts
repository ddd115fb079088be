/**
 * `runs.export` through the engine on a seeded run: every format is read back by Python's own
 * json, csv and tarfile modules and compared with what the fixture wrote into the store.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { exportRowPages } from '../../../main/experiments/export/export-rows.js';
import { openStore } from '../../../main/store/store.js';
import type { RunExported } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { CHOICES, seedRecogniseRun } from '../../fixtures/experiments/report/seeded-kinds.js';
import {
  PLANTED_SCRIPT,
  SEEDED_CONCEPTS,
  seedDrawRun,
  type SeededRun,
} from '../../fixtures/experiments/report/seeded-run.js';

const READER = path.resolve('test/fixtures/experiments/report/read_export.py');

function pythonRead<T>(format: string, target: string): T {
  return JSON.parse(execFileSync('/usr/bin/python3', [READER, format, target], { encoding: 'utf8' })) as T;
}

describe('runs.export', () => {
  const temp = tempDataDir('vcheck-export-');
  const out = path.join(temp.dir, 'out');
  let engine: Engine;
  let seeded: SeededRun;
  let hashes: Map<number, string>;

  beforeAll(async () => {
    const store = openStore({ dataDir: path.join(temp.dir, 'data') });
    seeded = seedDrawRun(store, { samples: 16 });
    hashes = new Map(
      seeded.sampleIds.flatMap((id, k) => {
        const hash = seeded.items[k]!.render?.imageHash;
        return hash ? [[id, hash] as const] : [];
      }),
    );
    store.close();
    engine = await openEngine({ dataDir: path.join(temp.dir, 'data') });
    mkdirSync(out);
  });

  afterAll(async () => {
    await engine?.close();
    temp.cleanup();
  });

  async function exportAs(format: string, target: string, shardSize?: number): Promise<RunExported> {
    const result = await engine.dispatch('runs.export', { id: seeded.runId, format, out: target, shardSize });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as RunExported;
  }

  it('writes one JSON object per sample with the concept, render, fidelity and raw response', async () => {
    const file = path.join(out, 'run.jsonl');
    const written = await exportAs('jsonl', file);
    const { rows } = pythonRead<{ rows: Record<string, unknown>[] }>('jsonl', file);
    expect(written).toMatchObject({
      format: 'jsonl',
      samples: 16,
      files: 1,
      bytes: readFileSync(file).length,
    });
    expect(rows.map((r) => r.sample_id)).toEqual(seeded.sampleIds);
    rows.forEach((row, k) => {
      const item = seeded.items[k]!;
      expect(row).toMatchObject({
        run_id: seeded.runId,
        concept_key: SEEDED_CONCEPTS[item.sample.conceptIdx]!.key,
        category: SEEDED_CONCEPTS[item.sample.conceptIdx]!.category,
        model: item.sample.model,
        language: item.sample.language,
        status: item.sample.status,
        code: item.sample.code,
        raw_response: item.generation!.rawResponse,
        render_status: item.render?.status ?? null,
        image_hash: item.render?.imageHash ?? null,
        fidelity_percentile: seeded.fidelity.get(seeded.sampleIds[k]!) ?? null,
      });
    });
    expect(rows[1]!.raw_response).toContain(PLANTED_SCRIPT);
    expect(rows[5]!.error).toContain(PLANTED_SCRIPT);
    expect(readdirSync(out)).toEqual(['run.jsonl']); // no temp file left behind
  });

  it('writes RFC 4180 CSV that Python reads back field for field', async () => {
    const file = path.join(out, 'run.csv');
    await exportAs('csv', file);
    const jsonl = pythonRead<{ rows: Record<string, unknown>[] }>('jsonl', path.join(out, 'run.jsonl')).rows;
    const { columns, rows } = pythonRead<{ columns: string[]; rows: Record<string, string>[] }>('csv', file);
    expect(columns).toEqual(Object.keys(jsonl[0]!));
    expect(rows).toHaveLength(16);
    rows.forEach((row, k) => {
      for (const [column, value] of Object.entries(jsonl[k]!)) {
        const expected =
          value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        expect(row[column], column).toBe(expected);
      }
    });
    expect(rows[1]!.code).toContain('"quoted", comma\nline 1');
  });

  it('writes WebDataset shards of shardSize samples that tarfile reads: png, json and txt per key', async () => {
    const folder = path.join(out, 'wds');
    const written = await exportAs('webdataset', folder, 5);
    const read = pythonRead<{
      shards: { name: string; keys: string[] }[];
      samples: Record<string, { sha256: string; json: { sample_id: number }; txt: string }>;
    }>('webdataset', folder);
    const withImages = seeded.imageSampleIds;
    expect(written.samples).toBe(withImages.length);
    expect(read.shards.map((s) => s.keys.length)).toEqual([5, 5, withImages.length - 10]);
    expect(read.shards.map((s) => s.name)).toEqual([
      'shard-000000.tar',
      'shard-000001.tar',
      'shard-000002.tar',
    ]);
    for (const sample of Object.values(read.samples)) {
      const k = seeded.sampleIds.indexOf(sample.json.sample_id);
      expect(sample.sha256).toBe(hashes.get(sample.json.sample_id));
      expect(sample.txt).toBe(SEEDED_CONCEPTS[seeded.items[k]!.sample.conceptIdx]!.text);
    }
    expect(Object.values(read.samples).map((s) => s.json.sample_id)).toEqual(withImages);
  });

  it('writes an ImageFolder tree with metadata.jsonl naming every file', async () => {
    const folder = path.join(out, 'images');
    const written = await exportAs('imagefolder', folder);
    const read = pythonRead<{
      files: Record<string, string>;
      metadata: { file_name: string; sample_id: number; concept_key: string }[];
    }>('imagefolder', folder);
    expect(written.samples).toBe(seeded.imageSampleIds.length);
    expect(Object.keys(read.files).sort()).toEqual(read.metadata.map((m) => m.file_name).sort());
    for (const m of read.metadata) {
      expect(read.files[m.file_name]).toBe(hashes.get(m.sample_id));
      const label = m.file_name.split('/')[0]!;
      if (m.concept_key === 'red-circle') expect(label).toBe('red-circle');
      else expect(label).toMatch(/^[A-Za-z0-9._-]+$/);
    }
    // Different concepts never share a class folder.
    const labels = new Map(read.metadata.map((m) => [m.file_name.split('/')[0]!, m.concept_key]));
    expect(new Set(labels.values()).size).toBe(labels.size);
  });

  it('replaces an earlier export of the same format, and refuses other non-empty folders', async () => {
    const folder = path.join(out, 'wds');
    await expect(exportAs('webdataset', folder, 100)).resolves.toMatchObject({ samples: 14 });
    expect(readdirSync(folder).filter((n) => n.endsWith('.tar'))).toEqual(['shard-000000.tar']);
    const refused = await engine.dispatch('runs.export', {
      id: seeded.runId,
      format: 'imagefolder',
      out: folder,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const stranger = path.join(out, 'stranger');
    mkdirSync(stranger);
    writeFileSync(path.join(stranger, 'thesis.tex'), 'keep me');
    const again = await engine.dispatch('runs.export', {
      id: seeded.runId,
      format: 'webdataset',
      out: stranger,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readdirSync(stranger)).toEqual(['thesis.tex']);
    expect(readdirSync(out).filter((n) => n.includes('partial'))).toEqual([]);
    expect(existsSync(path.join(folder, '.vcheck-export.json'))).toBe(true);
  });

  it('carries the recognition fields of a recognise run', async () => {
    const store = openStore({ dataDir: path.join(temp.dir, 'data') });
    const runId = seedRecogniseRun(store, seeded.datasetId);
    store.close();
    const file = path.join(out, 'recognise.csv');
    const result = await engine.dispatch('runs.export', { id: runId, format: 'csv', out: file });
    expect(result.ok).toBe(true);
    const { rows } = pythonRead<{ rows: Record<string, string>[] }>('csv', file);
    const text = (i: number) => SEEDED_CONCEPTS[i]!.text;
    expect(rows.map((r) => [r.recognition_truth, r.recognition_chosen, r.recognition_correct])).toEqual(
      CHOICES.map((c) => [
        text(c.truth),
        c.chosen === null ? '' : text(c.chosen),
        String(c.chosen === c.truth),
      ]),
    );
    expect(JSON.parse(rows[0]!.recognition_candidates!)).toEqual(SEEDED_CONCEPTS.map((c) => c.text));
    expect(rows[4]!.recognition_answer).toContain(PLANTED_SCRIPT);
    expect(rows.every((r) => r.recognition_mode === 'choice' && r.code === '<svg/>')).toBe(true);
  });

  it('pages through the rows by sample id, losing and repeating none', () => {
    const store = openStore({ dataDir: path.join(temp.dir, 'data') });
    try {
      const pages = [...exportRowPages(store.db, seeded.runId, 3)];
      expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 3, 3, 1]);
      expect(pages.flat().map((r) => r.sample_id)).toEqual(seeded.sampleIds);
      expect(pages.flat().map((r) => r.fidelity_percentile)).toEqual(
        seeded.sampleIds.map((id) => seeded.fidelity.get(id) ?? null),
      );
    } finally {
      store.close();
    }
  });

  it('answers not_found for an unknown run', async () => {
    const result = await engine.dispatch('runs.export', {
      id: 'nope',
      format: 'jsonl',
      out: path.join(out, 'x'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
