/** Types of the metrics engine that cross the contract: scores with their provenance. */

/** What every stored or returned score carries, so a number can be reproduced and compared. */
export interface MetricProvenance {
  /** Metric name, e.g. `fid`, `kid`, `fidelity.percentile`. */
  readonly metric: string;
  /** Version of the implementation that computed it. */
  readonly implementationVersion: string;
  /** The model that produced the features, or null when features were given (.npy). */
  readonly model: {
    readonly id: string;
    readonly sha256: string;
    readonly provider: string;
  } | null;
  /** Preprocessing of images, or null when features were given. */
  readonly preprocessing: {
    readonly id: string;
    readonly filter: string;
    readonly size: string;
    readonly range: string;
  } | null;
  /** Sample counts (e.g. `{ a: 1000, b: 1000 }`, or `{ images: 40, pairs: 780 }`). */
  readonly n: Readonly<Record<string, number>>;
  /** Seed of any sampling (KID subsets, LPIPS pair sample, bootstrap), or null. */
  readonly seed: number | null;
  /** Settings that change the number (e.g. KID subsets and subset size, the FID route). */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  /** Small N, truncated text, undecodable images, … */
  readonly warnings: ReadonlyArray<string>;
}

/** Where one side of a realism comparison came from. */
export interface FeatureSetSource {
  readonly path: string;
  readonly kind: 'npy' | 'images';
  readonly n: number;
  /** For image folders: the content hash and whether the features came from the cache. */
  readonly contentHash?: string;
  readonly cached?: boolean;
  /** Image files that could not be decoded (skipped). */
  readonly skipped?: ReadonlyArray<string>;
}

/** Response of `metrics.fid`: FID and KID between two feature sets. */
export interface FidComparison {
  readonly fid: number;
  readonly kidMean: number;
  readonly kidStd: number;
  readonly nA: number;
  readonly nB: number;
  readonly d: number;
  readonly a: FeatureSetSource;
  readonly b: FeatureSetSource;
  readonly fidProvenance: MetricProvenance;
  readonly kidProvenance: MetricProvenance;
}

/** Scopes a stored score applies to. */
export const METRIC_SCOPES = ['sample', 'concept', 'category', 'language', 'model', 'round', 'run'] as const;
/** A metric scope. */
export type MetricScope = (typeof METRIC_SCOPES)[number];

/** One stored score of a run with its provenance. */
export interface MetricRecord {
  readonly scope: MetricScope;
  /** Which sample / concept / category / … (e.g. a sample id, or `concept-key|model|language`). */
  readonly scopeKey: string;
  readonly name: string;
  readonly value: number | null;
  readonly provenance: MetricProvenance;
}

/** What a `metrics.compute` job computed and stored (its result, less the `kind`). */
export interface RunMetricsSummary {
  readonly runId: string;
  readonly images: number;
  readonly stored: number;
  readonly names: ReadonlyArray<string>;
  readonly warnings: ReadonlyArray<string>;
}

/** A metric model's registry entry and whether it is installed (`metrics.models`). */
export interface MetricModelView {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly metric: string;
  readonly sourceUrl: string;
  readonly license: string;
  readonly folder: string;
  readonly present: boolean;
  readonly missing: ReadonlyArray<string>;
}
