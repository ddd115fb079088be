/**
 * Store benchmark: the cost of committing work items one transaction each (what a run does, so a
 * crash loses nothing) against the baseline of the same rows batched in one transaction, in the
 * same process on the same kind of file. Also image-store puts per second.
 *
 * Run: npx tsx bench/store-commit.bench.ts
 */
import { openStore } from '../main/store/store.js';
import { makePng } from '../test/fixtures/png.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';

const N = 5_000;

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const tmp = tempDataDir('vcheck-bench-');
const store = openStore({ dataDir: tmp.dir });
try {
  for (const id of ['per-item', 'batched']) store.jobs.insert(id, 'store.verify', {});
  const result = { state: 'ok', bytes: 1234 };
  const perItem = timeMs(() => {
    for (let i = 0; i < N; i++) store.jobs.commitItemResult('per-item', `item-${i}`, 'ok', result, 1);
  });
  const batched = timeMs(() => {
    store.db.transaction(() => {
      for (let i = 0; i < N; i++) store.jobs.commitItemResult('batched', `item-${i}`, 'ok', result, 1);
    })();
  });
  const pngs = Array.from({ length: 500 }, (_, i) => makePng(64, 64, i + 1));
  const puts = timeMs(() => pngs.forEach((png) => store.images.put(png)));

  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(
    `| per-item commit (own transaction, WAL, synchronous=NORMAL) | ${((perItem * 1000) / N).toFixed(1)} µs/item |`,
  );
  console.log(`| baseline: same rows in one transaction | ${((batched * 1000) / N).toFixed(1)} µs/item |`);
  console.log(`| ratio per-item / batched | ${(perItem / batched).toFixed(2)}x |`);
  console.log(
    `| image store put (64×64 PNG, hash + validate + write + index) | ${(500 / (puts / 1000)).toFixed(0)} images/s |`,
  );
} finally {
  store.close();
  tmp.cleanup();
}
