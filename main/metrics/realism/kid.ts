/**
 * Kernel Inception Distance (Bińkowski et al. 2018): the unbiased estimate of MMD² with the cubic
 * polynomial kernel k(x, y) = (xᵀy / d + 1)³, averaged over K random subsets of M rows from each
 * set (drawn without replacement, seeded), reported as mean ± std (population std, as
 * torch-fidelity). The same definition as torch-fidelity's `kid` and clean-fid's `kernel_distance`.
 */
import { createRng } from '../../datasets/shapes/rng.js';
import { multiplyTransposed, selectRows, type Matrix } from '../linalg/matrix.js';

/** Version of this implementation, recorded in provenance. */
export const KID_IMPLEMENTATION_VERSION = 'kid-poly3-1';

/** KID settings; the defaults are torch-fidelity's and clean-fid's. */
export interface KidOptions {
  readonly subsets?: number;
  readonly subsetSize?: number;
  readonly seed?: number;
}

/** KID over subsets. */
export interface KidResult {
  readonly mean: number;
  readonly std: number;
  readonly subsets: number;
  readonly subsetSize: number;
  readonly seed: number;
  /** Each subset's MMD², in draw order (what mean and std summarise). */
  readonly values: ReadonlyArray<number>;
  readonly warnings: ReadonlyArray<string>;
}

/** Default number of subsets. */
export const KID_DEFAULT_SUBSETS = 100;
/** Default subset size (clamped to the smaller set). */
export const KID_DEFAULT_SUBSET_SIZE = 1000;

/** The kernel matrix k(xᵢ, yⱼ) = (xᵢᵀyⱼ / d + 1)³ between the rows of x and y. */
export function polynomialKernel(x: Matrix, y: Matrix, symmetric = false): Matrix {
  const k = multiplyTransposed(x, y, symmetric);
  const d = x.cols;
  for (let i = 0; i < k.data.length; i++) k.data[i] = (k.data[i]! / d + 1) ** 3;
  return k;
}

/** Σ k over rows×cols of a kernel matrix, skipping i = j pairs when `offDiagonal`. */
function blockSum(
  k: Matrix,
  rows: ReadonlyArray<number>,
  cols: ReadonlyArray<number>,
  offDiagonal: boolean,
): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i]! * k.cols;
    for (let j = 0; j < cols.length; j++) if (!offDiagonal || i !== j) s += k.data[base + cols[j]!]!;
  }
  return s;
}

/** Kernel matrices of two sets: within a, within b, and across. */
interface Kernels {
  readonly aa: Matrix;
  readonly bb: Matrix;
  readonly ab: Matrix;
}

function kernelsOf(a: Matrix, b: Matrix): Kernels {
  return { aa: polynomialKernel(a, a, true), bb: polynomialKernel(b, b, true), ab: polynomialKernel(a, b) };
}

/** The unbiased MMD² of rows `ra` of set a against rows `rb` of set b (each ≥ 2 rows). */
function subsetMmd2(k: Kernels, ra: ReadonlyArray<number>, rb: ReadonlyArray<number>): number {
  const m = ra.length;
  const n = rb.length;
  const xx = blockSum(k.aa, ra, ra, true) / (m * (m - 1));
  const yy = blockSum(k.bb, rb, rb, true) / (n * (n - 1));
  const xy = blockSum(k.ab, ra, rb, false) / (m * n);
  return xx + yy - 2 * xy;
}

/** The unbiased MMD² between all rows of `x` and all rows of `y` (each needs ≥ 2 rows). */
export function unbiasedMmd2(x: Matrix, y: Matrix): number {
  if (x.cols !== y.cols) throw new RangeError(`feature sizes differ: ${x.cols} vs ${y.cols}`);
  if (x.rows < 2 || y.rows < 2) throw new RangeError('MMD² needs at least 2 samples in each set');
  const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return subsetMmd2(kernelsOf(x, y), all(x.rows), all(y.rows));
}

/**
 * Kernel entries held in memory at most when precomputing the full kernel matrices (~150 MB);
 * above it each subset computes its own (the same dot products, so the same numbers).
 */
const PRECOMPUTE_LIMIT = 3 * 2500 * 2500;

/** `size` distinct indices from [0, n), in draw order (a partial Fisher-Yates shuffle). */
export function sampleWithoutReplacement(
  n: number,
  size: number,
  rng: { nextInt(n: number): number },
): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(n - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size);
}

/** The subsets KID draws for these sizes and seed: `[rowsOfA, rowsOfB]` per subset. */
export function kidSubsets(
  nA: number,
  nB: number,
  subsets: number,
  subsetSize: number,
  seed: number,
): ReadonlyArray<readonly [number[], number[]]> {
  const rng = createRng(seed, 0x6b6964); // 'kid': a stream of its own
  return Array.from({ length: subsets }, () => [
    sampleWithoutReplacement(nA, subsetSize, rng),
    sampleWithoutReplacement(nB, subsetSize, rng),
  ]);
}

/** KID between the rows of `a` and `b`. */
export function kernelInceptionDistance(a: Matrix, b: Matrix, options: KidOptions = {}): KidResult {
  const subsets = options.subsets ?? KID_DEFAULT_SUBSETS;
  const seed = options.seed ?? 0;
  const requested = options.subsetSize ?? KID_DEFAULT_SUBSET_SIZE;
  const subsetSize = Math.min(requested, a.rows, b.rows);
  if (subsets < 1) throw new RangeError('KID needs at least one subset');
  if (subsetSize < 2) throw new RangeError('KID needs at least 2 samples in each set');
  const warnings: string[] = [];
  if (subsetSize < requested) warnings.push(`subset size ${requested} > the smaller set; used ${subsetSize}`);
  if (subsetSize < 100) warnings.push(`small N: KID subsets of ${subsetSize} samples have a large variance`);
  const draws = kidSubsets(a.rows, b.rows, subsets, subsetSize, seed);
  const entries = a.rows * a.rows + b.rows * b.rows + a.rows * b.rows;
  const shared = entries <= PRECOMPUTE_LIMIT ? kernelsOf(a, b) : null;
  const values = draws.map(([rowsA, rowsB]) =>
    shared ? subsetMmd2(shared, rowsA, rowsB) : unbiasedMmd2(selectRows(a, rowsA), selectRows(b, rowsB)),
  );
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance), subsets, subsetSize, seed, values, warnings };
}
