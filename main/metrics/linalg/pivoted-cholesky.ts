/**
 * Pivoted Cholesky of a symmetric positive semi-definite matrix: S = L Lᵀ with L of size n×r,
 * r the numerical rank. Diagonal pivoting makes it stable for singular S (duplicate images or a
 * constant feature make a covariance singular), where plain Cholesky breaks down.
 */
import { zeros, type Matrix } from './matrix.js';

/**
 * The factor L (n×r, rows in the original order, so S = L Lᵀ without a permutation). Pivots at or
 * below `relativeTolerance` × the largest diagonal entry count as zero and end the factorisation.
 */
export function pivotedCholesky(s: Matrix, relativeTolerance = s.rows * Number.EPSILON): Matrix {
  const n = s.rows;
  const w = Float64Array.from(s.data); // the Schur complement, updated in place
  const done = new Uint8Array(n);
  const columns: Float64Array[] = [];
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, w[i * n + i]!);
  const tolerance = largest * relativeTolerance;
  for (let rank = 0; rank < n; rank++) {
    const p = largestRemainingPivot(w, n, done);
    if (p < 0 || w[p * n + p]! <= tolerance) break;
    const root = Math.sqrt(w[p * n + p]!);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) if (!done[i]) column[i] = w[i * n + p]! / root;
    done[p] = 1;
    column[p] = root;
    // Update the Schur complement over the indices not yet pivoted, gathered once per step.
    const rest = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !done[i]);
    for (let a = 0; a < rest.length; a++) {
      const i = rest[a]!;
      const ci = column[i]!;
      if (ci === 0) continue;
      const row = i * n;
      for (let b = 0; b < rest.length; b++) {
        const j = rest[b]!;
        w[row + j] = w[row + j]! - ci * column[j]!;
      }
    }
    columns.push(column);
  }
  const l = zeros(n, columns.length);
  columns.forEach((column, c) => {
    for (let i = 0; i < n; i++) l.data[i * columns.length + c] = column[i]!;
  });
  return l;
}

function largestRemainingPivot(w: Float64Array, n: number, done: Uint8Array): number {
  let best = -1;
  let value = -Infinity;
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    const v = w[i * n + i]!;
    if (v > value) {
      value = v;
      best = i;
    }
  }
  return best;
}
