/**
 * Benchmark of the shapes generator: build the whole space (nothing is stored; storing in SQLite
 * is measured where the store is wired in), stream it into a content hash, sample at random, draw
 * the standard split. Baselines are measured in the same process: a bare index loop, and
 * JSON.stringify of already-built items (the least any store must spend per item).
 *
 * Run: npx tsx bench/shapes-generate.bench.ts [--repeat N]
 */
import os from 'node:os';
import type { ShapeItem } from '../main/datasets/shapes/index.js';

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function timed(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** The run with the median wall time of `repeat` runs. */
function median(repeat: number, run: () => void): Timing {
  const runs = Array.from({ length: repeat }, () => timed(run)).sort((a, b) => a.wallMs - b.wallMs);
  return runs[Math.floor(runs.length / 2)]!;
}

const repeatFlag = process.argv.indexOf('--repeat');
const repeat = repeatFlag > 0 ? Number(process.argv[repeatFlag + 1]) : 3;

// Importing builds the templates, including the relation pair tables: timed as a step of its own.
const importStarted = performance.now();
const shapes = await import('../main/datasets/shapes/index.js');
const importMs = performance.now() - importStarted;
const { contentHash, countSpace, createContentHasher, enumerateSpace, openSpace, sampleItems, testSplit } =
  shapes;

const openTiming = timed(() => openSpace());
const size = countSpace();
let sink = 0;

const indexLoop = median(repeat, () => {
  for (let i = 0; i < size; i++) sink += i & 1;
});
const generate = median(repeat, () => {
  for (const item of enumerateSpace()) sink += item.description.length;
});
const hashed = median(repeat, () => {
  const hasher = createContentHasher();
  for (const item of enumerateSpace()) hasher.add(item);
  sink += hasher.digest().length;
});
const retained: ShapeItem[] = [...enumerateSpace()].slice(0, 100_000);
const stringify = median(repeat, () => {
  for (const item of retained) sink += JSON.stringify(item).length;
});
const sampleSize = 50_000;
const sample = median(repeat, () => {
  sink += sampleItems({ seed: 42, size: sampleSize }).length;
});
let splitHash = '';
const split = median(repeat, () => {
  splitHash = contentHash(testSplit());
});

const perSecond = (items: number, t: Timing): string =>
  Math.round((items / t.wallMs) * 1000).toLocaleString('en-US');
const stringifyRate = (retained.length / stringify.wallMs) * 1000;
const generateRate = (size / generate.wallMs) * 1000;
const row = (name: string, items: number, t: Timing, note: string): string =>
  `| ${name} | ${items.toLocaleString('en-US')} | ${t.wallMs.toFixed(0)} | ${t.cpuMs.toFixed(0)} | ${perSecond(items, t)} | ${note} |`;

console.log(`## Shapes generator (${new Date().toISOString().slice(0, 10)})\n`);
console.log(
  `Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `load average ${os.loadavg()[0]?.toFixed(2)} at the end; median of ${repeat} runs, wall and CPU time.\n`,
);
console.log('| step | items | wall ms | CPU ms | items/s | note |');
console.log('|---|---:|---:|---:|---:|---|');
console.log(
  `| import (build templates and relation pair tables) | – | ${importMs.toFixed(0)} | – | – | once per process |`,
);
console.log(row('open the full space (templates → segments)', size, openTiming, 'first call, then cached'));
console.log(row('baseline: bare index loop', size, indexLoop, 'no work per item'));
console.log(
  row('baseline: JSON.stringify of built items', retained.length, stringify, 'least a store spends per item'),
);
console.log(row('generate the whole space', size, generate, 'records + keys + descriptions'));
console.log(row('generate + sha256 content hash', size, hashed, 'canonical serialisation'));
console.log(
  row(
    `random sample of ${sampleSize.toLocaleString('en-US')}`,
    sampleSize,
    sample,
    'Feistel permutation + itemAt',
  ),
);
console.log(row('standard 1,500-item split', 1500, split, 'stratified, balanced'));
console.log(
  `\nGeneration runs at ${(generateRate / stringifyRate).toFixed(2)}× the rate of JSON.stringify on the same items ` +
    `(${Math.round(generateRate).toLocaleString('en-US')} vs ${Math.round(stringifyRate).toLocaleString('en-US')} items/s).`,
);
console.log(`Standard split: ${splitHash}`);
if (sink === -1) console.log(''); // keeps the loops from being optimised away
