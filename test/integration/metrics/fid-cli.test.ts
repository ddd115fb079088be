import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { matrixFrom } from '../../../main/metrics/linalg/matrix.js';
import { kidSubsets } from '../../../main/metrics/realism/kid.js';
import { inceptionInput } from '../../../main/metrics/preprocess/image-tensors.js';
import { decodePng } from '../../../main/metrics/preprocess/png-decode.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { randomFeatures, writeNpy } from '../../fixtures/npy/npy-file.js';
import {
  FID_REFERENCE,
  FID_REFERENCE_SVD,
  KID_REFERENCE,
  pythonJson,
} from '../../fixtures/npy/python-reference.js';
import {
  encodeImagesReference,
  tinyEncoderModel,
  tinyEncoderWeights,
} from '../../fixtures/onnx/tiny-image-encoder.js';
import { makePng } from '../../fixtures/png.js';
import { runCli } from '../cli/cli-process.js';

const tmp = tempDataDir('vcheck-fid-cli-');
afterAll(() => tmp.cleanup());
const dataDir = path.join(tmp.dir, 'data');
const file = (name: string): string => path.join(tmp.dir, name);

interface FidJson {
  fid: number;
  kidMean: number;
  kidStd: number;
  nA: number;
  nB: number;
  d: number;
}

const fidCli = (a: string, b: string, ...extra: string[]) =>
  runCli(['--data-dir', dataDir, 'metrics', 'fid', '--a', a, '--b', b, ...extra]);

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

/** KID reference for the subsets the engine draws (same sizes, same seed). */
function kidReference(a: string, b: string, nA: number, nB: number, k: number, m: number, seed: number) {
  const subsetsFile = file(`subsets-${k}-${m}-${seed}.json`);
  writeFileSync(subsetsFile, JSON.stringify(kidSubsets(nA, nB, k, m, seed)));
  return pythonJson<{ mean: number; std: number }>(KID_REFERENCE, [a, b, subsetsFile]);
}

describe('vcheck metrics fid on .npy features', () => {
  it('prints { fid, kidMean, kidStd, nA, nB, d } matching numpy/scipy, and warns on small N', async () => {
    writeNpy(file('a.npy'), [50, 64], randomFeatures(50, 64, 5), '<f4');
    writeNpy(file('b.npy'), [70, 64], randomFeatures(70, 64, 6, 0.2, 1.3));
    const run = await fidCli(
      file('a.npy'),
      file('b.npy'),
      '--kid-subsets',
      '6',
      '--kid-subset-size',
      '30',
      '--seed',
      '3',
      '--json',
    );
    expect(run.stderr).toMatch(/warning: small N: 50 samples < 64 feature dimensions/);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as FidJson;
    expect(Object.keys(out).sort()).toEqual(['d', 'fid', 'kidMean', 'kidStd', 'nA', 'nB']);
    expect([out.nA, out.nB, out.d]).toEqual([50, 70, 64]);
    const fid = pythonJson<number>(FID_REFERENCE, [file('a.npy'), file('b.npy')]);
    expect(relativeError(out.fid, fid)).toBeLessThanOrEqual(1e-6);
    const kid = kidReference(file('a.npy'), file('b.npy'), 50, 70, 6, 30, 3);
    expect(relativeError(out.kidMean, kid.mean)).toBeLessThanOrEqual(1e-6);
    expect(relativeError(out.kidStd, kid.std)).toBeLessThanOrEqual(1e-6);
  });

  it('fails with one clear line for a missing file, a bad .npy, or mismatched sizes', async () => {
    writeFileSync(file('bad.npy'), 'not numpy');
    writeNpy(file('c.npy'), [10, 8], randomFeatures(10, 8, 1));
    const missing = await fidCli(file('nope.npy'), file('a.npy'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vcheck: not_found: .*nope\.npy does not exist\n$/);
    const bad = await fidCli(file('bad.npy'), file('a.npy'));
    expect(bad.stderr).toMatch(/^vcheck: validation: .*bad\.npy: not a NumPy \.npy file/);
    const sizes = await fidCli(file('c.npy'), file('a.npy'));
    expect(sizes.stderr).toMatch(/^vcheck: validation: feature sizes differ: 8 vs 64/);
  });
});

describe('vcheck metrics fid on folders of images', () => {
  const weights = tinyEncoderWeights({
    inputName: 'images',
    outputName: 'features',
    size: 299,
    outDim: 2048,
    stride: 4,
  });

  function folder(name: string, count: number, seed: number): string {
    const dir = file(name);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++)
      writeFileSync(path.join(dir, `img-${i}.png`), makePng(24 + i, 20, seed + i));
    return dir;
  }

  it('names the missing FID Inception model instead of failing obscurely', async () => {
    const run = await fidCli(folder('x', 3, 1), file('a.npy'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^vcheck: unavailable: the FID Inception.*\(fid-inception\) is not installed/);
  });

  it('encodes images with the installed model, matches a plain-JS + numpy reference, then caches', async () => {
    const modelDir = path.join(dataDir, 'models', 'metrics', 'fid-inception');
    mkdirSync(modelDir, { recursive: true });
    writeFileSync(path.join(modelDir, 'model.onnx'), tinyEncoderModel(weights));
    const a = folder('gen', 6, 10);
    const b = folder('ref', 7, 50);
    writeFileSync(path.join(b, 'broken.png'), 'not a png');
    const run = await fidCli(a, b, '--kid-subsets', '3', '--kid-subset-size', '5', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/undecodable images skipped: .*ref\/broken\.png/);
    const out = JSON.parse(run.stdout) as FidJson;
    expect([out.nA, out.nB, out.d]).toEqual([6, 7, 2048]);

    // Independent features: decode + preprocess (checked against Pillow elsewhere), then the
    // graph in float64 JS; FID of those by numpy's SVD (LAPACK).
    const reference = (dir: string, count: number): string => {
      const inputs = Array.from({ length: count }, (_, i) =>
        inceptionInput(decodePng(readFileSync(path.join(dir, `img-${i}.png`)))),
      );
      const batch = new Float32Array(inputs.length * inputs[0]!.length);
      inputs.forEach((x, i) => batch.set(x, i * x.length));
      const features = encodeImagesReference(weights, batch, count);
      const npy = `${dir}.npy`;
      writeNpy(npy, [count, 2048], matrixFrom(count, 2048, features).data);
      return npy;
    };
    const fid = pythonJson<number>(FID_REFERENCE_SVD, [reference(a, 6), reference(b, 7)]);
    expect(relativeError(out.fid, fid)).toBeLessThanOrEqual(1e-4); // float32 model vs float64 graph

    const again = await fidCli(a, b, '--kid-subsets', '3', '--kid-subset-size', '5');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/A: .*gen \(images, cached features, n=6\)/);
    expect(again.stdout).toMatch(/FID {2}[0-9.]+ +\(d=2048, route nuclear-norm\)/);
    expect(again.stdout).toMatch(/model fid-inception sha256:[0-9a-f]{64}/);
    const db = new BetterSqlite3(path.join(dataDir, 'vcheck.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT n, d, skipped_json FROM metric_feature_cache ORDER BY n').all();
    db.close();
    expect(rows).toEqual([
      { n: 6, d: 2048, skipped_json: '[]' },
      { n: 7, d: 2048, skipped_json: '["broken.png"]' },
    ]);
  });
});
