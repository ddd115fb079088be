/** Concept dataset types as the faces see them. */

/** Where a dataset's concepts came from. */
export const DATASET_KINDS = ['shapes', 'objects', 'scenes', 'imported'] as const;
/** A dataset kind. */
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** An attribute value of a concept (structured, so results can be sliced by attribute). */
export type ConceptAttributeValue = string | number | boolean | ReadonlyArray<string>;

/** One concept of a dataset version. */
export interface ConceptView {
  readonly index: number;
  readonly key: string;
  readonly text: string;
  readonly category: string;
  readonly attributes: Readonly<Record<string, ConceptAttributeValue>>;
}

/** Counts per category and per attribute value, computed once when the version is made. */
export interface DatasetStats {
  readonly categories: Readonly<Record<string, number>>;
  readonly attributes: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** A dataset version. Immutable once a run used it (`locked`); editing makes a new version. */
export interface DatasetSummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly kind: DatasetKind;
  readonly source: string;
  readonly description: string;
  readonly params: unknown;
  readonly seed: number | null;
  readonly contentHash: string;
  readonly count: number;
  readonly locked: boolean;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly stats: DatasetStats;
}

/** What `datasets create|import` report: the interface scripts rely on. */
export interface DatasetCreated {
  readonly id: string;
  readonly count: number;
  readonly contentHash: string;
}

/** A page of a dataset's concepts. */
export interface DatasetPreview {
  readonly dataset: DatasetSummary;
  readonly items: ReadonlyArray<ConceptView>;
}

/** What `datasets.export` wrote. */
export interface DatasetExported {
  readonly file: string;
  readonly format: 'jsonl' | 'csv';
  readonly count: number;
}
