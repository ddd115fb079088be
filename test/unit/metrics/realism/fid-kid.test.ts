import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matrixFrom, type Matrix } from '../../../../main/metrics/linalg/matrix.js';
import { frechetDistance } from '../../../../main/metrics/realism/fid.js';
import { kernelInceptionDistance, kidSubsets, unbiasedMmd2 } from '../../../../main/metrics/realism/kid.js';
import { randomFeatures, writeNpy } from '../../../fixtures/npy/npy-file.js';
import { FID_REFERENCE, KID_REFERENCE, pythonJson } from '../../../fixtures/npy/python-reference.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-fid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Pair {
  readonly a: Matrix;
  readonly b: Matrix;
  readonly fileA: string;
  readonly fileB: string;
}

function pair(name: string, nA: number, nB: number, d: number, edit?: (a: Float64Array) => void): Pair {
  const va = randomFeatures(nA, d, 101 + nA);
  edit?.(va);
  const vb = randomFeatures(nB, d, 202 + nB, 0.3, 1.2);
  const fileA = path.join(dir, `${name}-a.npy`);
  const fileB = path.join(dir, `${name}-b.npy`);
  writeNpy(fileA, [nA, d], va);
  writeNpy(fileB, [nB, d], vb);
  return { a: matrixFrom(nA, d, va), b: matrixFrom(nB, d, vb), fileA, fileB };
}

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('FID against scipy.linalg.sqrtm (pytorch-fid formula)', () => {
  it('n < d: nuclear-norm route, relative error ≤ 1e-6, warns about small N', () => {
    const p = pair('small', 60, 90, 160);
    const result = frechetDistance(p.a, p.b);
    expect(result.route).toBe('nuclear-norm');
    const expected = pythonJson<number>(FID_REFERENCE, [p.fileA, p.fileB]);
    expect(relativeError(result.fid, expected)).toBeLessThanOrEqual(1e-6);
    expect(result.warnings.join(' ')).toMatch(/small N: 60 samples < 160/);
  });

  it('n > d: covariance route, relative error ≤ 1e-6, no warning', () => {
    const p = pair('large', 300, 240, 48);
    const result = frechetDistance(p.a, p.b);
    expect(result.route).toBe('covariance-cholesky');
    const expected = pythonJson<number>(FID_REFERENCE, [p.fileA, p.fileB]);
    expect(relativeError(result.fid, expected)).toBeLessThanOrEqual(1e-6);
    expect(result.warnings).toEqual([]);
    // The same sets through the other route agree (both are exact).
    const other = frechetDistance(p.a, p.b, { route: 'nuclear-norm' });
    expect(relativeError(other.fid, result.fid)).toBeLessThanOrEqual(1e-9);
  });

  it('n > d with a singular covariance (a constant feature, duplicated rows)', () => {
    const p = pair('singular', 200, 150, 32, (a) => {
      for (let i = 0; i < 200; i++) a[i * 32 + 5] = 0.25; // constant column
      a.copyWithin(32 * 100, 0, 32 * 100); // rows 100..199 duplicate rows 0..99
    });
    const result = frechetDistance(p.a, p.b);
    expect(result.route).toBe('covariance-cholesky');
    const expected = pythonJson<number>(FID_REFERENCE, [p.fileA, p.fileB]);
    expect(relativeError(result.fid, expected)).toBeLessThanOrEqual(1e-6);
  });

  it('is zero for identical sets and symmetric in its arguments', () => {
    const p = pair('same', 40, 50, 64);
    const self = frechetDistance(p.a, p.a);
    expect(Math.abs(self.fid)).toBeLessThan(1e-9 * self.traceA);
    expect(frechetDistance(p.b, p.a).fid).toBeCloseTo(frechetDistance(p.a, p.b).fid, 9);
  });

  it('refuses sets it cannot compare', () => {
    const p = pair('bad', 3, 3, 8);
    expect(() => frechetDistance(p.a, matrixFrom(1, 8, new Array(8).fill(0)))).toThrow(/at least 2/);
    expect(() => frechetDistance(p.a, matrixFrom(2, 4, new Array(8).fill(0)))).toThrow(/differ/);
  });
});

describe('KID against a direct formula implementation', () => {
  const kidReference = (p: Pair, subsets: ReadonlyArray<readonly [number[], number[]]>, name: string) => {
    const file = path.join(dir, `${name}-subsets.json`);
    writeFileSync(file, JSON.stringify(subsets));
    return pythonJson<{ mean: number; std: number; values: number[] }>(KID_REFERENCE, [
      p.fileA,
      p.fileB,
      file,
    ]);
  };

  it('MMD² over whole sets of different sizes matches', () => {
    const p = pair('mmd', 30, 45, 20);
    const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    const expected = kidReference(p, [[all(30), all(45)]], 'whole');
    expect(relativeError(unbiasedMmd2(p.a, p.b), expected.mean)).toBeLessThanOrEqual(1e-6);
  });

  it('mean ± std over seeded subsets matches, subset by subset', () => {
    const p = pair('kid', 70, 80, 24);
    const result = kernelInceptionDistance(p.a, p.b, { subsets: 12, subsetSize: 25, seed: 7 });
    const expected = kidReference(p, kidSubsets(70, 80, 12, 25, 7), 'seeded');
    expect(result.values).toHaveLength(12);
    result.values.forEach((v, i) => expect(relativeError(v, expected.values[i]!)).toBeLessThanOrEqual(1e-6));
    expect(relativeError(result.mean, expected.mean)).toBeLessThanOrEqual(1e-6);
    expect(relativeError(result.std, expected.std)).toBeLessThanOrEqual(1e-6);
    expect(result.warnings.join(' ')).toMatch(/small N: KID subsets of 25/);
  });

  it('is reproducible for a seed, varies with it, and clamps the subset size', () => {
    const p = pair('seeds', 40, 30, 8);
    const once = kernelInceptionDistance(p.a, p.b, { subsets: 5, subsetSize: 20, seed: 1 });
    expect(kernelInceptionDistance(p.a, p.b, { subsets: 5, subsetSize: 20, seed: 1 }).values).toEqual(
      once.values,
    );
    expect(kernelInceptionDistance(p.a, p.b, { subsets: 5, subsetSize: 20, seed: 2 }).values).not.toEqual(
      once.values,
    );
    const clamped = kernelInceptionDistance(p.a, p.b, { subsets: 2, subsetSize: 1000 });
    expect(clamped.subsetSize).toBe(30);
    expect(clamped.warnings.join(' ')).toMatch(/subset size 1000 > the smaller set; used 30/);
  });

  it('subsets are drawn without replacement', () => {
    for (const [ra, rb] of kidSubsets(50, 60, 4, 50, 3)) {
      expect(new Set(ra).size).toBe(50);
      expect(new Set(rb).size).toBe(50);
      expect(Math.max(...rb)).toBeLessThan(60);
    }
  });
});
