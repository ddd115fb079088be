/** Job and progress types shared by the engine and every face. */
import { z } from 'zod';

/** The job kinds the engine knows how to run. */
export const JOB_KINDS = [
  'store.verify',
  'datasets.build',
  'models.pull',
  'render.batch',
  'metrics.compute',
  'runs.execute',
] as const;
/** A job kind. */
export type JobKind = (typeof JOB_KINDS)[number];

/** Lifecycle of a job row. `interrupted` = the process died while it ran; it can be resumed. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
/** A job status. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses after which a job no longer changes unless resumed. */
export const FINISHED_JOB_STATUSES: ReadonlyArray<JobStatus> = ['succeeded', 'failed', 'cancelled'];

/** Parameters of the `store.verify` job. */
export const storeVerifyParams = z.object({
  /** Also remove rows of the images table whose file is missing. */
  repair: z.boolean().default(false),
});
/** Parameters of the `store.verify` job. */
export type StoreVerifyParams = z.infer<typeof storeVerifyParams>;

const datasetName = z.string().trim().min(1).max(200).optional();
const datasetDescription = z.string().max(2000).optional();
const seed = z.number().int().min(0).max(0xffff_ffff);

/** The five shape categories of the generator. */
export const SHAPE_CATEGORY_NAMES = ['point', 'line', 'shape-2d', 'shape-3d', 'composition'] as const;

/** A filter on the shapes space: lists are OR-ed within a field and AND-ed across fields. */
export const shapesFilterSchema = z
  .object({
    categories: z.array(z.enum(SHAPE_CATEGORY_NAMES)).optional(),
    shapes: z.array(z.string().min(1)).optional(),
    referenceShapes: z.array(z.string().min(1)).optional(),
    attributes: z.record(z.string(), z.array(z.string().min(1))).optional(),
  })
  .strict();

const column = z.union([z.string().min(1), z.number().int().min(1)]);
const importOptions = {
  'ade20k-objects': z
    .object({ top: z.number().int().min(1).optional(), rankBy: z.enum(['train', 'ratio']).optional() })
    .strict(),
  'coco-captions': z.object({ n: z.number().int().min(1).optional(), seed: seed.optional() }).strict(),
  lines: z.object({ category: z.string().min(1).optional() }).strict(),
  csv: z
    .object({
      delimiter: z.string().length(1).optional(),
      header: z.boolean().optional(),
      textColumn: column.optional(),
      categoryColumn: column.optional(),
      keyColumn: column.optional(),
      attributeColumns: z.array(column).optional(),
      category: z.string().min(1).optional(),
    })
    .strict(),
  jsonl: z
    .object({
      textField: z.string().min(1).optional(),
      categoryField: z.string().min(1).optional(),
      keyField: z.string().min(1).optional(),
      category: z.string().min(1).optional(),
    })
    .strict(),
} as const;

/** The importers there are (the `vcheck datasets import <format>` names). */
export const IMPORT_FORMATS = ['ade20k-objects', 'coco-captions', 'lines', 'csv', 'jsonl'] as const;

const importSource = <F extends (typeof IMPORT_FORMATS)[number], O extends z.ZodType>(
  format: F,
  options: O,
) =>
  z
    .object({
      source: z.literal('import'),
      format: z.literal(format),
      file: z.string().min(1),
      options: options.optional(),
      name: datasetName,
      description: datasetDescription,
    })
    .strict();

/** Parameters of the `datasets.build` job: which concepts make the new dataset version. */
export const datasetBuildParams = z.union([
  z
    .object({
      source: z.literal('shapes'),
      seed,
      /** Absent: the whole (filtered) space, in the seed's order. */
      size: z.number().int().min(1).optional(),
      /** `test`: the stratified split (standard one with the standard seed and size 1,500). */
      split: z.literal('test').optional(),
      filter: shapesFilterSchema.optional(),
      name: datasetName,
      description: datasetDescription,
    })
    .strict(),
  z.object({ source: z.literal('objects'), name: datasetName, description: datasetDescription }).strict(),
  z
    .object({
      /** A new version derived from an existing one: the way a dataset is edited. */
      source: z.literal('derive'),
      from: z.string().min(1),
      /** Keep only these categories. */
      categories: z.array(z.string().min(1)).optional(),
      /** Drop these concept keys. */
      dropKeys: z.array(z.string().min(1)).optional(),
      /** Append these concepts (normalised and deduplicated like an import). */
      add: z
        .array(z.object({ text: z.string().min(1), category: z.string().min(1).optional() }).strict())
        .optional(),
      /** Then keep a seeded random sample of this size, in the seed's order. */
      sample: z
        .object({ size: z.number().int().min(1), seed })
        .strict()
        .optional(),
      name: datasetName,
      description: datasetDescription,
    })
    .strict(),
  z.object({ source: z.literal('scenes'), name: datasetName, description: datasetDescription }).strict(),
  importSource('ade20k-objects', importOptions['ade20k-objects']),
  importSource('coco-captions', importOptions['coco-captions']),
  importSource('lines', importOptions['lines']),
  importSource('csv', importOptions['csv']),
  importSource('jsonl', importOptions['jsonl']),
]);
/** Parameters of the `datasets.build` job, as parsed. */
export type DatasetBuildParams = z.infer<typeof datasetBuildParams>;
/** Parameters of the `datasets.build` job, as a caller writes them. */
export type DatasetBuildRequest = z.input<typeof datasetBuildParams>;

/** Parameters of the `models.pull` job: a catalogue id or a URL, and the hash to check when known. */
export const modelsPullParams = z
  .object({
    /** A catalogue model id, or an http(s) URL of a GGUF file. */
    source: z.string().min(1).max(4096),
    name: z.string().trim().min(1).max(200).optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional(),
  })
  .strict();
/** Parameters of the `models.pull` job. */
export type ModelsPullParams = z.infer<typeof modelsPullParams>;

/** Parameters of the `render.batch` job: a JSONL of raw answers rendered into a folder. */
export const renderBatchParams = z
  .object({
    /** Absolute path of the input: one `{ "id", "language", "response" }` per line. */
    input: z.string().min(1).max(4096),
    /** Absolute path of the output folder (`<id>.png` and `report.jsonl`). */
    outDir: z.string().min(1).max(4096),
    /** Absolute path of a contact sheet PNG to write at the end. */
    sheet: z.string().min(1).max(4096).optional(),
    size: z.number().int().min(16).max(4096).default(512),
    seed: seed.default(0),
  })
  .strict();
/** Parameters of the `render.batch` job. */
export type RenderBatchParams = z.infer<typeof renderBatchParams>;

/** Parameters of the `metrics.compute` job: which metrics of a run to (re)compute, and how. */
export const metricsComputeParams = z
  .object({
    runId: z.string().min(1).max(200),
    fidelity: z.boolean().default(true),
    diversity: z.boolean().default(true),
    /** Seed of diversity pair sampling, KID subsets and bootstrap intervals. */
    seed: seed.default(0),
    pairCap: z.number().int().min(1).max(1_000_000).default(1000),
    resamples: z.number().int().min(100).max(100_000).default(1000),
    /** A folder of reference images: adds realism (FID/KID against it). */
    reference: z.string().min(1).max(4096).optional(),
  })
  .strict();
/** Parameters of the `metrics.compute` job. */
export type MetricsComputeParams = z.infer<typeof metricsComputeParams>;
/** Parameters of the `metrics.compute` job, as a caller writes them. */
export type MetricsComputeRequest = z.input<typeof metricsComputeParams>;

/** Parameters of the `runs.execute` job: the run whose unfinished items it does (its config is the run's). */
export const runsExecuteParams = z.object({ runId: z.string().min(1).max(200) }).strict();
/** Parameters of the `runs.execute` job. */
export type RunsExecuteParams = z.infer<typeof runsExecuteParams>;

/** Params schema per job kind: every job start is validated against these. */
export const jobParamsSchemas = {
  'store.verify': storeVerifyParams,
  'datasets.build': datasetBuildParams,
  'models.pull': modelsPullParams,
  'render.batch': renderBatchParams,
  'metrics.compute': metricsComputeParams,
  'runs.execute': runsExecuteParams,
} as const satisfies Record<JobKind, z.ZodType>;

/** Fields every progress report has. */
interface ProgressBase {
  /** 0..1, or null when the total is not known yet. */
  readonly fraction: number | null;
  readonly done: number;
  readonly total: number | null;
  /** Items per second over the recent window. */
  readonly rate?: number;
  /** Seconds left at the current rate. */
  readonly etaSeconds?: number;
  readonly message?: string;
}

/** Progress of a `store.verify` job. */
export interface StoreVerifyProgress extends ProgressBase {
  readonly kind: 'store.verify';
  readonly corrupt: number;
  readonly missing: number;
}

/** Progress of a `datasets.build` job. */
export interface DatasetBuildProgress extends ProgressBase {
  readonly kind: 'datasets.build';
  readonly phase: 'reading' | 'writing' | 'done';
}

/** Progress of a `models.pull` job: bytes of the file (`done`/`total`). */
export interface ModelsPullProgress extends ProgressBase {
  readonly kind: 'models.pull';
  readonly resumedFromBytes: number;
}

/** Progress of a `render.batch` job: input lines processed (`done`/`total`). */
export interface RenderBatchProgress extends ProgressBase {
  readonly kind: 'render.batch';
  readonly ok: number;
  readonly failed: number;
}

/** The phases of a `metrics.compute` job, in order (realism covers FID/KID). */
export type MetricsComputePhase = 'fidelity' | 'diversity' | 'realism' | 'aggregate';

/** Progress of a `metrics.compute` job: batches or items of the current phase (`done`/`total`). */
export interface MetricsComputeProgress extends ProgressBase {
  readonly kind: 'metrics.compute';
  readonly phase: MetricsComputePhase;
}

/** The phases of a `runs.execute` job: the items (LLM → extract → render → store), then the scores. */
export type RunsExecutePhase = 'items' | 'metrics';

/** Milliseconds spent per pipeline stage so far (summed over items; stages overlap in time). */
export interface StageTimes {
  readonly llm: number;
  readonly render: number;
  readonly store: number;
  readonly metrics: number;
}

/** Progress of a `runs.execute` job: items of the run (`done`/`total`, finished earlier included). */
export interface RunsExecuteProgress extends ProgressBase {
  readonly kind: 'runs.execute';
  readonly runId: string;
  readonly phase: RunsExecutePhase;
  readonly ok: number;
  readonly failed: number;
  /** Items an earlier attempt finished (not redone). */
  readonly skipped: number;
  readonly stageMs: StageTimes;
}

/** Progress, a tagged union per job kind. */
export type JobProgress =
  | StoreVerifyProgress
  | DatasetBuildProgress
  | ModelsPullProgress
  | RenderBatchProgress
  | MetricsComputeProgress
  | RunsExecuteProgress;

/** Result of a finished `store.verify` job. */
export interface StoreVerifyResult {
  readonly kind: 'store.verify';
  readonly checked: number;
  readonly ok: number;
  readonly corrupt: ReadonlyArray<{ readonly hash: string; readonly reason: string }>;
  readonly missing: ReadonlyArray<string>;
  readonly unreferencedFiles: number;
  readonly bytes: number;
}

/** Result of a finished `datasets.build` job: the `{ id, count, contentHash }` scripts rely on. */
export interface DatasetBuildResult {
  readonly kind: 'datasets.build';
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly count: number;
  readonly contentHash: string;
  /** Import statistics (read, kept, duplicates and empties dropped), for imports. */
  readonly stats?: Readonly<Record<string, number>>;
}

/** Result of a finished `models.pull` job. */
export interface ModelsPullResult {
  readonly kind: 'models.pull';
  readonly id: string;
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** What the hash was checked against: the known one, the server's, or nothing. */
  readonly verifiedAgainst: 'known' | 'server' | null;
}

/** Result of a finished `render.batch` job: counts per status and where the files are. */
export interface RenderBatchResult {
  readonly kind: 'render.batch';
  readonly total: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly report: string;
  readonly sheet: string | null;
}

/** Result of a finished `metrics.compute` job: what was computed and stored (as `RunMetricsSummary`). */
export interface MetricsComputeResult {
  readonly kind: 'metrics.compute';
  readonly runId: string;
  readonly images: number;
  readonly stored: number;
  readonly names: ReadonlyArray<string>;
  readonly warnings: ReadonlyArray<string>;
}

/** Result of a finished `runs.execute` job: the run's items by status and what was scored. */
export interface RunsExecuteResult {
  readonly kind: 'runs.execute';
  readonly runId: string;
  readonly items: number;
  /** Items this attempt did (the rest were finished earlier). */
  readonly doneNow: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly metricNames: ReadonlyArray<string>;
  readonly stageMs: StageTimes;
  readonly warnings: ReadonlyArray<string>;
}

/** Result of a finished job, a tagged union per kind. */
export type JobResult =
  | StoreVerifyResult
  | DatasetBuildResult
  | ModelsPullResult
  | RenderBatchResult
  | MetricsComputeResult
  | RunsExecuteResult;

/** A job as the faces see it. */
export interface JobSummary {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly params: unknown;
  readonly progress: JobProgress | null;
  readonly result: JobResult | null;
  readonly error: string | null;
  readonly attempt: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** Events the job registry emits; each carries the full job so listeners need no refetch. */
export type JobEvent =
  | { readonly type: 'status'; readonly job: JobSummary }
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: JobProgress }
  | { readonly type: 'log'; readonly jobId: string; readonly line: string };
