/**
 * Fréchet Inception Distance between two feature sets:
 *   FID = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr √(Σ₁Σ₂),  Σ with the unbiased (n − 1) normaliser as in
 * pytorch-fid / clean-fid (numpy.cov).
 *
 * tr √(Σ₁Σ₂) is computed exactly, without a d×d matrix square root:
 * - `nuclear-norm` (used when the smaller set has at most d rows): with centred A (n₁×d) and
 *   B (n₂×d), the eigenvalues of Σ₁Σ₂ = AᵀA BᵀB / c are the squared singular values of A Bᵀ
 *   (c = (n₁−1)(n₂−1)), so tr √(Σ₁Σ₂) = ‖A Bᵀ‖_* / √c: the sum of the square roots of the
 *   eigenvalues of the small symmetric PSD matrix (A Bᵀ)(A Bᵀ)ᵀ.
 * - `covariance-cholesky` (both sets larger than d): Σ₁ = L Lᵀ (pivoted Cholesky), and Σ₁Σ₂ is
 *   similar to the symmetric PSD matrix Lᵀ Σ₂ L, whose eigenvalues give the trace.
 * Both avoid `sqrtm`'s non-symmetric Schur form, whose result picks up imaginary noise.
 */
import {
  centred,
  columnMeans,
  multiplyTransposed,
  sumOfSquares,
  transpose,
  type Matrix,
} from '../linalg/matrix.js';
import { pivotedCholesky } from '../linalg/pivoted-cholesky.js';
import { symmetricEigenvalues } from '../linalg/symmetric-eigenvalues.js';

/** Version of this implementation, recorded in provenance. */
export const FID_IMPLEMENTATION_VERSION = 'fid-exact-1';

/** How tr √(Σ₁Σ₂) was computed. */
export type FidRoute = 'nuclear-norm' | 'covariance-cholesky';

/** FID with its parts (the parts make disagreements with other tools easy to locate). */
export interface FidResult {
  readonly fid: number;
  readonly meanTerm: number;
  readonly traceA: number;
  readonly traceB: number;
  readonly traceSqrtProduct: number;
  readonly route: FidRoute;
  readonly nA: number;
  readonly nB: number;
  readonly d: number;
  readonly warnings: ReadonlyArray<string>;
}

/**
 * FID between the rows of `a` and the rows of `b` (each n×d). The route is chosen by size unless
 * `route` forces one (both are exact; tests and benchmarks compare them).
 */
export function frechetDistance(
  a: Matrix,
  b: Matrix,
  options: { readonly route?: FidRoute } = {},
): FidResult {
  if (a.cols !== b.cols) throw new RangeError(`feature sizes differ: ${a.cols} vs ${b.cols}`);
  if (a.rows < 2 || b.rows < 2) throw new RangeError('FID needs at least 2 samples in each set');
  const d = a.cols;
  const meanA = columnMeans(a);
  const meanB = columnMeans(b);
  let meanTerm = 0;
  for (let j = 0; j < d; j++) meanTerm += (meanA[j]! - meanB[j]!) ** 2;
  const ca = centred(a, meanA);
  const cb = centred(b, meanB);
  const traceA = sumOfSquares(ca) / (a.rows - 1);
  const traceB = sumOfSquares(cb) / (b.rows - 1);
  const route: FidRoute =
    options.route ?? (Math.min(a.rows, b.rows) <= d ? 'nuclear-norm' : 'covariance-cholesky');
  const traceSqrtProduct =
    route === 'nuclear-norm' ? traceSqrtByNuclearNorm(ca, cb) : traceSqrtByCholesky(ca, cb);
  return {
    fid: meanTerm + traceA + traceB - 2 * traceSqrtProduct,
    meanTerm,
    traceA,
    traceB,
    traceSqrtProduct,
    route,
    nA: a.rows,
    nB: b.rows,
    d,
    warnings: fidWarnings(a.rows, b.rows, d),
  };
}

/** Warnings (never refusals) about sample sizes for which FID is strongly biased. */
export function fidWarnings(nA: number, nB: number, d: number): ReadonlyArray<string> {
  const n = Math.min(nA, nB);
  if (n >= d) return [];
  return [
    `small N: ${n} samples < ${d} feature dimensions; FID is biased upwards at small N and only comparable at equal N (prefer KID)`,
  ];
}

/** Σ √λ over the eigenvalues of a symmetric PSD matrix, round-off negatives and noise set to 0. */
function sumOfRoots(psd: Matrix): number {
  const eigenvalues = symmetricEigenvalues(psd);
  const largest = Math.max(0, ...eigenvalues.subarray(eigenvalues.length - 1));
  const noise = largest * psd.rows * Number.EPSILON;
  let sum = 0;
  for (const lambda of eigenvalues) if (lambda > noise) sum += Math.sqrt(lambda);
  return sum;
}

function traceSqrtByNuclearNorm(ca: Matrix, cb: Matrix): number {
  const [small, large] = ca.rows <= cb.rows ? [ca, cb] : [cb, ca];
  const cross = multiplyTransposed(small, large);
  const nuclear = sumOfRoots(multiplyTransposed(cross, cross, true));
  return nuclear / Math.sqrt((ca.rows - 1) * (cb.rows - 1));
}

function covariance(centredFeatures: Matrix): Matrix {
  const t = transpose(centredFeatures);
  const s = multiplyTransposed(t, t, true);
  const scale = 1 / (centredFeatures.rows - 1);
  for (let i = 0; i < s.data.length; i++) s.data[i] = s.data[i]! * scale;
  return s;
}

function traceSqrtByCholesky(ca: Matrix, cb: Matrix): number {
  const factor = pivotedCholesky(covariance(ca)); // d×r
  const factorT = transpose(factor); // r×d
  const sigmaBTimesFactor = multiplyTransposed(covariance(cb), factorT); // d×r = Σ₂ L
  const product = multiplyTransposed(factorT, transpose(sigmaBTimesFactor), true); // Lᵀ Σ₂ L
  return sumOfRoots(product);
}
