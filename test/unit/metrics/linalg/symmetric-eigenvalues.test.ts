import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matrixFrom, multiplyTransposed } from '../../../../main/metrics/linalg/matrix.js';
import { pivotedCholesky } from '../../../../main/metrics/linalg/pivoted-cholesky.js';
import { symmetricEigenvalues } from '../../../../main/metrics/linalg/symmetric-eigenvalues.js';
import { randomFeatures, writeNpy } from '../../../fixtures/npy/npy-file.js';
import { pythonJson } from '../../../fixtures/npy/python-reference.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-eig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A symmetric matrix from seeded values: (R + Rᵀ) / 2. */
function randomSymmetric(n: number, seed: number): number[] {
  const r = randomFeatures(n, n, seed);
  return Array.from({ length: n * n }, (_, k) => (r[k]! + r[(k % n) * n + Math.floor(k / n)]!) / 2);
}

function numpyEigenvalues(n: number, values: ArrayLike<number>, name: string): number[] {
  const file = path.join(dir, `${name}.npy`);
  writeNpy(file, [n, n], values);
  return pythonJson<number[]>(
    'import sys, json, numpy as np; print(json.dumps(np.linalg.eigvalsh(np.load(sys.argv[1])).tolist()))',
    [file],
  );
}

function expectClose(actual: Float64Array, expected: ReadonlyArray<number>, scale: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(1e-12 * scale));
}

describe('symmetric eigenvalues (Householder + implicit QL)', () => {
  it.each([
    [1, 3],
    [2, 4],
    [7, 5],
    [60, 6],
  ])('match numpy eigvalsh on a random symmetric matrix of size %i (seed %i)', (n, seed) => {
    const values = randomSymmetric(n, seed);
    const expected = numpyEigenvalues(n, values, `sym-${n}`);
    const scale = Math.max(...expected.map(Math.abs));
    expectClose(symmetricEigenvalues(matrixFrom(n, n, values)), expected, scale);
  });

  it('finds the zero eigenvalues of a rank-deficient PSD matrix', () => {
    const x = matrixFrom(5, 40, randomFeatures(5, 40, 9)); // rank 5 Gram of 40 vectors
    const t = matrixFrom(
      40,
      5,
      Array.from({ length: 200 }, (_, k) => x.data[(k % 5) * 40 + Math.floor(k / 5)]!),
    );
    const gram = multiplyTransposed(t, t, true);
    const expected = numpyEigenvalues(40, gram.data, 'gram');
    const actual = symmetricEigenvalues(gram);
    expectClose(actual, expected, Math.max(...expected));
    expect(actual.filter((v) => Math.abs(v) > 1e-9 * actual[39]!).length).toBe(5);
  });

  it('handles repeated eigenvalues and zero matrices exactly', () => {
    const identity = matrixFrom(4, 4, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(Array.from(symmetricEigenvalues(identity))).toEqual([1, 1, 1, 1]);
    expect(Array.from(symmetricEigenvalues(matrixFrom(3, 3, new Array(9).fill(0))))).toEqual([0, 0, 0]);
    const [low, high] = symmetricEigenvalues(matrixFrom(2, 2, [2, 1, 1, 2]));
    expect(low).toBeCloseTo(1, 15);
    expect(high).toBeCloseTo(3, 15);
  });

  it('rejects a non-square matrix', () => {
    expect(() => symmetricEigenvalues(matrixFrom(2, 3, [1, 2, 3, 4, 5, 6]))).toThrow(/not square/);
  });
});

describe('pivoted Cholesky', () => {
  it('factors a singular PSD matrix as L Lᵀ with its numerical rank', () => {
    const x = matrixFrom(3, 6, randomFeatures(3, 6, 11));
    const t = matrixFrom(
      6,
      3,
      Array.from({ length: 18 }, (_, k) => x.data[(k % 3) * 6 + Math.floor(k / 3)]!),
    );
    const s = multiplyTransposed(t, t, true); // 6×6 of rank 3
    const l = pivotedCholesky(s);
    expect(l.cols).toBe(3);
    const back = multiplyTransposed(l, l);
    back.data.forEach((v, k) => expect(Math.abs(v - s.data[k]!)).toBeLessThan(1e-12));
  });
});
