/** Run types as the faces see them. */
import type { MetricRecord } from './metrics.js';

/** What a run does. `sample` is the built-in sample run shipped with the app. */
export const RUN_KINDS = ['draw', 'recognise', 'correct', 'sample'] as const;
/** A run kind. */
export type RunKind = (typeof RUN_KINDS)[number];

/** Lifecycle of a run. A finished run is immutable. */
export const RUN_STATUSES = [
  'created',
  'running',
  'paused',
  'interrupted',
  'finished',
  'failed',
  'cancelled',
] as const;
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

/** Run statuses from which `runs.resume` continues the run (exactly its unfinished items). */
export const RESUMABLE_RUN_STATUSES: ReadonlyArray<RunStatus> = [
  'paused',
  'interrupted',
  'failed',
  'cancelled',
];

/** Versions of everything that shaped a run's numbers, recorded when it starts. */
export interface RunVersions {
  readonly app: string;
  /** Template id → `id@version` per task used. */
  readonly templates: Readonly<Record<string, string>>;
  /** Render language → renderer id with version. */
  readonly renderers: Readonly<Record<string, string>>;
  /** Model label → what identifies it (file hash, endpoint and server-reported version, recording hash). */
  readonly models: Readonly<Record<string, unknown>>;
}

/** A run in full: its summary, config, versions, counts by status and run-level scores. */
export interface RunDetail {
  readonly summary: RunSummary;
  /** The config as stored (a `RunConfig` of shared/experiments.ts), API keys redacted. */
  readonly config: unknown;
  readonly versions: RunVersions | null;
  readonly parentRunId: string | null;
  readonly jobId: string | null;
  /** Sample statuses and render statuses with their counts. */
  readonly byStatus: {
    readonly samples: Readonly<Record<string, number>>;
    readonly renders: Readonly<Record<string, number>>;
  };
  /** Scores at run scope (and per round for self-correct runs), with provenance. */
  readonly metrics: ReadonlyArray<MetricRecord>;
}

/** A multiple-choice or free-form recognition of one piece of code. */
export interface RecognitionView {
  readonly mode: 'free' | 'choice';
  readonly inputKind: 'sample' | 'file' | 'drawing';
  readonly inputRef: string | null;
  readonly truth: string;
  readonly candidates: ReadonlyArray<string> | null;
  readonly answer: string | null;
  readonly chosen: string | null;
  readonly correct: boolean | null;
  readonly match: string | null;
}

/** One sample of a run with its answer, render and score. */
export interface SampleView {
  readonly id: number;
  readonly conceptIdx: number;
  readonly conceptKey: string | null;
  readonly text: string | null;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  readonly strategy: string;
  readonly sampleIndex: number;
  readonly round: number;
  readonly seed: number;
  readonly status: string;
  readonly errorText: string | null;
  readonly parentSampleId: number | null;
  /** `param` strategy: the argument setting rendered. */
  readonly args: unknown;
  /** The code that was rendered (extracted, with the call for `param`). */
  readonly code: string | null;
  readonly response: string | null;
  readonly render: {
    readonly status: string;
    readonly error: string | null;
    readonly imageHash: string | null;
    readonly width: number | null;
    readonly height: number | null;
  } | null;
  /** The sample's fidelity percentile, when computed. */
  readonly fidelity: number | null;
  readonly recognition: RecognitionView | null;
}

/** A page of a run's samples, in sample order. */
export interface SamplePage {
  readonly samples: ReadonlyArray<SampleView>;
  readonly total: number;
}

/** A human drawing stored as code (the drawing pad's strokes as Processing or SVG). */
export interface DrawingView {
  readonly id: string;
  readonly concept: string;
  readonly category: string | null;
  readonly language: 'processing' | 'svg';
  readonly code: string;
  readonly strokes: unknown;
  readonly createdAt: string;
}

/** The formats `runs.export` writes. */
export const RUN_EXPORT_FORMATS = ['jsonl', 'csv', 'imagefolder', 'webdataset'] as const;
/** A run export format. */
export type RunExportFormat = (typeof RUN_EXPORT_FORMATS)[number];

/** What `runs.export` wrote. */
export interface RunExported {
  readonly format: RunExportFormat;
  readonly path: string;
  readonly samples: number;
  readonly files: number;
  readonly bytes: number;
}

/** What `runs.report` wrote. */
export interface RunReportWritten {
  readonly file: string;
  readonly bytes: number;
  readonly images: number;
}
