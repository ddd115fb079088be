/**
 * Import benchmark: streaming a ~50 MB single-line COCO captions file (sample 1,000 captions)
 * against the baseline of reading the whole file and JSON.parse-ing it, same process, same file.
 * The baseline does no sampling at all, so it is a lower bound on the load-it-all approach.
 *
 * Run: npx tsx bench/import-coco.bench.ts
 */
import { readFileSync } from 'node:fs';
import { importCocoCaptions } from '../main/datasets/importers/coco-captions.js';
import { writeCocoCaptions } from '../test/fixtures/datasets/coco-captions-file.js';
import { tempFiles } from '../test/fixtures/datasets/temp-files.js';

const files = tempFiles('vcheck-bench-');
try {
  const file = files.path('captions_train2017.json');
  const { bytes, annotations } = writeCocoCaptions(file, { images: 70_000, seed: 11 });
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const summary = await importCocoCaptions(file, { n: 1000, seed: 7 });
  const streamMs = performance.now() - started;
  started = performance.now();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { annotations: unknown[] };
  const parseMs = performance.now() - started;
  const heapParsed = process.memoryUsage().heapUsed - heapBefore;
  console.log(`| approach | time | note |\n|---|---|---|`);
  console.log(
    `| streaming import (${summary.items.length} of ${annotations} captions) | ${Math.round(streamMs)} ms | ${(bytes / 1e6 / (streamMs / 1000)).toFixed(1)} MB/s |`,
  );
  console.log(
    `| readFileSync + JSON.parse (baseline, no sampling) | ${Math.round(parseMs)} ms | ${parsed.annotations.length} annotations held, heap +${(heapParsed / 1e6).toFixed(0)} MB |`,
  );
} finally {
  files.remove();
}
