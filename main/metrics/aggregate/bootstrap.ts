/**
 * Means with seeded percentile-bootstrap confidence intervals, for aggregating per-sample scores
 * per concept, category, model, language or run. Resampling is with replacement from a seeded
 * generator, so the same scores and seed give the same interval on every machine; the interval
 * ends are quantiles of the bootstrap means with linear interpolation (numpy's default).
 */
import { createRng } from '../../datasets/shapes/rng.js';

/** Version of the aggregation, recorded in provenance. */
export const BOOTSTRAP_IMPLEMENTATION_VERSION = 'bootstrap-percentile-1';

/** A mean with its interval. */
export interface MeanWithInterval {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
  readonly warnings: ReadonlyArray<string>;
}

/** Bootstrap settings. */
export interface BootstrapOptions {
  readonly resamples?: number;
  readonly level?: number;
  readonly seed?: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linearly interpolated (numpy 'linear'). */
export function quantileSorted(sorted: ReadonlyArray<number> | Float64Array, q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const weight = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * weight;
}

/** The means of `resamples` bootstrap resamples of `values`, in draw order. */
export function bootstrapMeans(values: ReadonlyArray<number>, resamples: number, seed: number): Float64Array {
  const rng = createRng(seed, 0x626f6f74); // 'boot'
  const n = values.length;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[rng.nextInt(n)]!;
    means[r] = sum / n;
  }
  return means;
}

/** The mean of `values` with a percentile-bootstrap interval (defaults: 1,000 resamples, 95%, seed 0). */
export function meanWithInterval(
  values: ReadonlyArray<number>,
  options: BootstrapOptions = {},
): MeanWithInterval {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 0;
  const n = values.length;
  if (n === 0) throw new RangeError('no values to aggregate');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const warnings = n < 10 ? [`small N: a bootstrap interval over ${n} values is unreliable`] : [];
  const sorted = bootstrapMeans(values, resamples, seed).sort();
  const tail = (1 - level) / 2;
  return {
    mean,
    std,
    n,
    low: quantileSorted(sorted, tail),
    high: quantileSorted(sorted, 1 - tail),
    level,
    resamples,
    seed,
    warnings,
  };
}
