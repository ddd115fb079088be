/**
 * FID benchmark at d = 2048: this implementation (exact, no d×d matrix square root for n ≤ d; a
 * pivoted-Cholesky symmetric form for n > d) against the baseline everyone uses — numpy's
 * covariance + scipy.linalg.sqrtm of Σ₁Σ₂ (pytorch-fid's formula) — on the same seeded features,
 * in the same run. Reports both times, their ratio, and the relative difference of the FIDs.
 *
 * Run: npx tsx bench/metrics-fid.bench.ts [N ...]   (default: 1000 5000 10000)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readNpyFeatures } from '../main/metrics/features/npy.js';
import { frechetDistance } from '../main/metrics/realism/fid.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';
import { randomFeatures, writeNpy } from '../test/fixtures/npy/npy-file.js';
import { FID_REFERENCE, PYTHON } from '../test/fixtures/npy/python-reference.js';

const D = 2048;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 1);
const ns = sizes.length > 0 ? sizes : [1000, 5000, 10_000];

/** Times the scipy route inside Python (excluding interpreter start and file loading). */
const TIMED_REFERENCE = FID_REFERENCE.replace(
  'a = np.load(sys.argv[1]); b = np.load(sys.argv[2])',
  'a = np.load(sys.argv[1]).astype(np.float64); b = np.load(sys.argv[2]).astype(np.float64)\nimport time; t0 = time.perf_counter()',
).replace(
  'print(json.dumps(float(diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))))',
  'fid = float(diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))\nprint(json.dumps([fid, time.perf_counter() - t0]))',
);

const tmp = tempDataDir('vcheck-bench-fid-');
try {
  console.log(
    '| N (each set), d = 2048 | route | this (s) | scipy sqrtm route (s) | ratio scipy/this | relative FID difference |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const n of ns) {
    const fileA = path.join(tmp.dir, `a-${n}.npy`);
    const fileB = path.join(tmp.dir, `b-${n}.npy`);
    writeNpy(fileA, [n, D], randomFeatures(n, D, 1), '<f4');
    writeNpy(fileB, [n, D], randomFeatures(n, D, 2, 0.05, 1.1), '<f4');
    const a = await readNpyFeatures(fileA);
    const b = await readNpyFeatures(fileB);
    const start = performance.now();
    const ours = frechetDistance(a, b);
    const oursS = (performance.now() - start) / 1000;
    const out = execFileSync(PYTHON, ['-c', TIMED_REFERENCE, fileA, fileB], { encoding: 'utf8' });
    const [scipyFid, scipyS] = JSON.parse(out) as [number, number];
    const diff = Math.abs(ours.fid - scipyFid) / Math.abs(scipyFid);
    console.log(
      `| ${n.toLocaleString('en')} | ${ours.route} | ${oursS.toFixed(2)} | ${scipyS.toFixed(2)} | ${(scipyS / oursS).toFixed(2)}x | ${diff.toExponential(2)} |`,
    );
  }
} finally {
  tmp.cleanup();
}
