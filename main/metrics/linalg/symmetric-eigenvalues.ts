/**
 * Eigenvalues of a real symmetric matrix in float64: Householder reduction to tridiagonal form,
 * then the implicit QL algorithm with Wilkinson-style shifts (the classic tred2/tqli pair, without
 * eigenvectors). Backward stable: every eigenvalue is exact for a matrix within ~n·eps·‖A‖ of the
 * input, which is what FID's trace term needs.
 */
import type { Matrix } from './matrix.js';

/** Iterations allowed per eigenvalue before the QL sweep is declared stuck. */
const MAX_ITERATIONS = 60;

/** The eigenvalues of a symmetric matrix, ascending. Only the lower triangle is trusted. */
export function symmetricEigenvalues(m: Matrix): Float64Array {
  if (m.rows !== m.cols) throw new RangeError(`not square: ${m.rows}×${m.cols}`);
  const n = m.rows;
  if (n === 0) return new Float64Array(0);
  const a = symmetrised(m);
  const { diagonal, offDiagonal } = tridiagonalise(a, n);
  implicitQl(diagonal, offDiagonal);
  return diagonal.sort();
}

/** A copy of the lower triangle (the reduction reads and writes only that). */
function symmetrised(m: Matrix): Float64Array {
  const n = m.rows;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a.set(m.data.subarray(i * n, i * n + i + 1), i * n);
  return a;
}

/**
 * Reduces the symmetric matrix whose lower triangle is `a` (destroyed) to tridiagonal form by Householder
 * reflections applied from the last row up. Returns the diagonal and the sub-diagonal
 * (`offDiagonal[i]` couples i and i−1; `offDiagonal[0]` is 0).
 */
function tridiagonalise(a: Float64Array, n: number): { diagonal: Float64Array; offDiagonal: Float64Array } {
  const e = new Float64Array(n);
  const u = new Float64Array(n);
  const q = new Float64Array(n);
  for (let i = n - 1; i >= 2; i--) {
    const l = i - 1;
    let scale = 0;
    for (let k = 0; k <= l; k++) scale += Math.abs(a[i * n + k]!);
    if (scale === 0) {
      e[i] = 0;
      continue;
    }
    let h = 0;
    for (let k = 0; k <= l; k++) {
      u[k] = a[i * n + k]! / scale; // scaling avoids overflow/underflow in h
      h += u[k]! * u[k]!;
    }
    const f = u[l]!;
    const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
    e[i] = scale * g;
    h -= f * g;
    u[l] = f - g;
    reflectLeadingBlock(a, n, l, u, q, h);
  }
  if (n > 1) e[1] = a[n]!;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[i * n + i]!;
  return { diagonal: d, offDiagonal: e };
}

/**
 * A ← H A H on the leading (l+1)×(l+1) block, with H = I − u uᵀ / h, as a rank-2 update. Only
 * the lower triangle is read and written (row-wise, so memory access stays contiguous): half the
 * work of updating the full block.
 */
function reflectLeadingBlock(
  a: Float64Array,
  n: number,
  l: number,
  u: Float64Array,
  q: Float64Array,
  h: number,
): void {
  q.fill(0, 0, l + 1);
  for (let j = 0; j <= l; j++) {
    // Row j of the lower triangle contributes to q[j] (row) and to q[k] (column, by symmetry).
    const row = j * n;
    const uj = u[j]!;
    let s = a[row + j]! * uj;
    for (let k = 0; k < j; k++) {
      const v = a[row + k]!;
      s += v * u[k]!;
      q[k] = q[k]! + v * uj;
    }
    q[j] = q[j]! + s;
  }
  let uDotP = 0;
  for (let j = 0; j <= l; j++) {
    q[j] = q[j]! / h;
    uDotP += u[j]! * q[j]!;
  }
  const half = uDotP / (2 * h);
  for (let j = 0; j <= l; j++) q[j] = q[j]! - half * u[j]!;
  for (let j = 0; j <= l; j++) {
    const row = j * n;
    const uj = u[j]!;
    const qj = q[j]!;
    for (let k = 0; k <= j; k++) a[row + k] = a[row + k]! - (uj * q[k]! + qj * u[k]!);
  }
}

/** The implicit QL iteration on a tridiagonal matrix; `d` ends holding the eigenvalues. */
function implicitQl(d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      const m = splitPoint(d, e, l);
      if (m === l) break;
      if (++iterations > MAX_ITERATIONS) throw new Error('symmetric eigenvalues: QL did not converge');
      qlSweep(d, e, l, m);
    }
  }
}

/** The first m ≥ l whose off-diagonal element is negligible (the block l..m is unreduced). */
function splitPoint(d: Float64Array, e: Float64Array, l: number): number {
  const n = d.length;
  let m = l;
  for (; m < n - 1; m++) {
    const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
    if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
  }
  return m;
}

/** One implicitly shifted QL step on the block l..m (plane rotations chase the bulge up). */
function qlSweep(d: Float64Array, e: Float64Array, l: number, m: number): void {
  let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
  let r = Math.hypot(g, 1);
  g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
  let s = 1;
  let c = 1;
  let p = 0;
  for (let i = m - 1; i >= l; i--) {
    const f = s * e[i]!;
    const b = c * e[i]!;
    r = Math.hypot(f, g);
    e[i + 1] = r;
    if (r === 0) {
      // Underflow: the matrix split; deflate and let the caller look for the new split point.
      d[i + 1] = d[i + 1]! - p;
      e[m] = 0;
      return;
    }
    s = f / r;
    c = g / r;
    g = d[i + 1]! - p;
    r = (d[i]! - g) * s + 2 * c * b;
    p = s * r;
    d[i + 1] = g + p;
    g = c * r - b;
  }
  d[l] = d[l]! - p;
  e[l] = g;
  e[m] = 0;
}
