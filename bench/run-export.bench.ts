/**
 * Run export and report benchmark: a seeded finished draw run of N samples (real store rows, real
 * PNGs) exported in every format and reported, against baselines measured in the same process:
 * for JSONL/CSV, streaming the bare sample rows (no joins) to a file as JSON; for ImageFolder and
 * WebDataset, copying the same image files into a folder. The ratio is the cost of the joins,
 * quoting, tar framing and atomic writes over the unavoidable reading and writing.
 *
 * Run: npx tsx bench/run-export.bench.ts [samples=5000]
 */
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportRun } from '../main/experiments/export/export-run.js';
import { writeRunReport } from '../main/experiments/report/write-report.js';
import { openStore } from '../main/store/store.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';
import { seedDrawRun } from '../test/fixtures/experiments/report/seeded-run.js';

const samples = Number(process.argv[2] ?? 5000);
const tmp = tempDataDir('vcheck-bench-export-');
const store = openStore({ dataDir: path.join(tmp.dir, 'data') });

function time<T>(run: () => T): { readonly ms: number; readonly value: T } {
  const t = performance.now();
  const value = run();
  return { ms: performance.now() - t, value };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ readonly ms: number; readonly value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

function bareRows(file: string): number {
  const fd = openSync(file, 'w');
  let n = 0;
  for (const row of store.db.prepare('SELECT * FROM samples WHERE run_id = ?').iterate(seeded.runId)) {
    writeSync(fd, `${JSON.stringify(row)}\n`);
    n += 1;
  }
  closeSync(fd);
  return n;
}

function copyImages(folder: string): number {
  mkdirSync(folder);
  const rows = store.db
    .prepare(
      `SELECT d.image_hash AS h FROM renders d JOIN samples s ON s.id = d.sample_id WHERE s.run_id = ? AND d.status = 'ok'`,
    )
    .all(seeded.runId) as { h: string }[];
  rows.forEach((r, i) => copyFileSync(store.images.existingPath(r.h)!, path.join(folder, `${i}.png`)));
  return rows.length;
}

const seed = time(() => seedDrawRun(store, { samples }));
const seeded = seed.value;
const out = (name: string) => path.join(tmp.dir, name);
try {
  const baseRows = time(() => bareRows(out('bare.jsonl')));
  const baseImages = time(() => copyImages(out('bare-images')));
  const request = (format: 'jsonl' | 'csv' | 'imagefolder' | 'webdataset', name: string) => ({
    id: seeded.runId,
    format,
    out: out(name),
    shardSize: 1000,
  });
  const rows: ReadonlyArray<readonly [string, { ms: number }, number]> = [
    ['jsonl', await timeAsync(() => exportRun(store, request('jsonl', 'run.jsonl'))), baseRows.ms],
    ['csv', await timeAsync(() => exportRun(store, request('csv', 'run.csv'))), baseRows.ms],
    ['imagefolder', await timeAsync(() => exportRun(store, request('imagefolder', 'folder'))), baseImages.ms],
    ['webdataset', await timeAsync(() => exportRun(store, request('webdataset', 'wds'))), baseImages.ms],
  ];
  const report = time(() =>
    writeRunReport(store, { id: seeded.runId, out: out('r.html'), embedImages: true }),
  );
  console.log(`Seeded ${samples} samples in ${(seed.ms / 1000).toFixed(1)} s.\n`);
  console.log('| export | ms | samples/s | baseline ms | ratio |');
  console.log('|---|---|---|---|---|');
  for (const [name, r, base] of rows)
    console.log(
      `| ${name} | ${r.ms.toFixed(0)} | ${Math.round((samples / r.ms) * 1000).toLocaleString('en')} | ${base.toFixed(0)} | ${(r.ms / base).toFixed(2)}× |`,
    );
  console.log(
    `\nReport (embedded images, default caps): ${report.ms.toFixed(0)} ms, ${(report.value.bytes / 1024).toFixed(0)} KiB, ${report.value.images} images.`,
  );
} finally {
  store.close();
  tmp.cleanup();
}
