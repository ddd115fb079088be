/** Run types as the faces see them. */

/** What a run does. `sample` is the built-in sample run shipped with the app. */
export const RUN_KINDS = ['draw', 'recognise', 'correct', 'sample'] as const;
/** A run kind. */
export type RunKind = (typeof RUN_KINDS)[number];

/** Lifecycle of a run. A finished run is immutable. */
export const RUN_STATUSES = ['created', 'running', 'paused', 'finished', 'failed', 'cancelled'] as const;
/** A run status. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One row of the runs list. */
export interface RunSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly datasetId: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly counts: { readonly samples: number; readonly renders: number; readonly rendersOk: number };
}

/** A page of runs, newest first. */
export interface RunPage {
  readonly runs: ReadonlyArray<RunSummary>;
  readonly total: number;
}
