/**
 * The API contract: every call `domain.verb` with its request schema and response type, and every
 * event with its payload. main/api implements it once; the Electron preload, the web server and the
 * renderer client are thin transports over it. Requests are untrusted and parsed with zod in
 * main/api before any handler runs; responses come from the engine and are typed, not parsed.
 */
import { z } from 'zod';
import type { AppInfo, StoreStats, StoreTable } from './app.js';
import type { DatasetExported, DatasetPreview, DatasetSummary } from './datasets.js';
import type { DoctorReport } from './doctor.js';
import { JOB_KINDS, JOB_STATUSES, jobParamsSchemas, type JobEvent, type JobSummary } from './jobs.js';
import {
  TEMPLATE_TASKS,
  type CatalogueModel,
  type LlmAnswer,
  type LlmModelView,
  type ModelInspection,
  type PromptTemplateView,
} from './llm.js';
import type { FidComparison, MetricModelView, MetricRecord } from './metrics.js';
import { RENDER_LANGUAGE_NAMES, type RenderPreview } from './render.js';
import type { Result } from './result.js';
import { runConfigSchema } from './experiments.js';
import {
  RUN_EXPORT_FORMATS,
  RUN_KINDS,
  RUN_STATUSES,
  type DrawingView,
  type RunDetail,
  type RunExported,
  type RunPage,
  type RunReportWritten,
  type RunSummary,
  type SamplePage,
} from './runs.js';

/** A call's request schema, with its response type carried as a phantom. */
export interface CallSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Type-only: never read at run time. */
  readonly response?: Res;
}

/** Declares a call: `call<ResponseType>()(requestSchema)`. */
function call<Res>() {
  return <Req extends z.ZodType>(request: Req): CallSpec<Req, Res> => ({ request });
}

const id = z.string().min(1).max(200);
const empty = z.object({}).strict();

/** Request of `jobs.start`: a kind and that kind's params. */
export const jobStartRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('store.verify'),
      params: jobParamsSchemas['store.verify'].default({ repair: false }),
    })
    .strict(),
  z.object({ kind: z.literal('datasets.build'), params: jobParamsSchemas['datasets.build'] }).strict(),
  z.object({ kind: z.literal('models.pull'), params: jobParamsSchemas['models.pull'] }).strict(),
  z.object({ kind: z.literal('render.batch'), params: jobParamsSchemas['render.batch'] }).strict(),
  z.object({ kind: z.literal('metrics.compute'), params: jobParamsSchemas['metrics.compute'] }).strict(),
  z.object({ kind: z.literal('runs.execute'), params: jobParamsSchemas['runs.execute'] }).strict(),
]);

/** Every call of the contract. */
export const calls = {
  'app.info': call<AppInfo>()(empty),
  'doctor.report': call<DoctorReport>()(empty),
  'store.stats': call<StoreStats>()(empty),
  'runs.list': call<RunPage>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
        kind: z.enum(RUN_KINDS).optional(),
        status: z.enum(RUN_STATUSES).optional(),
      })
      .strict(),
  ),
  'runs.get': call<RunSummary>()(z.object({ id }).strict()),
  /** Creates a run from its config and (unless `start` is false) starts its `runs.execute` job. */
  'runs.create': call<RunDetail>()(
    z.object({ config: runConfigSchema, start: z.boolean().default(true) }).strict(),
  ),
  'runs.show': call<RunDetail>()(z.object({ id }).strict()),
  'runs.samples': call<SamplePage>()(
    z
      .object({
        id,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        /** Only samples whose render has this status (`ok`, `timeout`…) or sample status (`llm_error`…). */
        status: z.string().min(1).max(40).optional(),
        round: z.number().int().min(0).optional(),
      })
      .strict(),
  ),
  /** Stops a running run so that `runs.resume` continues it later. */
  'runs.pause': call<RunDetail>()(z.object({ id }).strict()),
  /** Continues a paused, interrupted, failed or cancelled run: exactly its unfinished items. */
  'runs.resume': call<RunDetail>()(z.object({ id }).strict()),
  'runs.cancel': call<RunDetail>()(z.object({ id }).strict()),
  /** Deletes a run that is not running, with its samples and scores (images stay in the store). */
  'runs.delete': call<{ readonly deleted: string }>()(z.object({ id }).strict()),
  /** A new run with the config of `id` changed by `changes` (a finished run is never edited). */
  'runs.rerun': call<RunDetail>()(
    z
      .object({
        id,
        changes: z.record(z.string(), z.unknown()).default({}),
        start: z.boolean().default(true),
      })
      .strict(),
  ),
  'runs.export': call<RunExported>()(
    z
      .object({
        id,
        format: z.enum(RUN_EXPORT_FORMATS),
        /** A file (jsonl, csv) or a folder (imagefolder, webdataset shards). */
        out: z.string().min(1).max(4096),
        /** WebDataset: samples per tar shard. */
        shardSize: z.number().int().min(1).max(1_000_000).default(1000),
      })
      .strict(),
  ),
  'runs.report': call<RunReportWritten>()(
    z
      .object({
        id,
        out: z.string().min(1).max(4096),
        /** Embed images as data URIs (one file); false writes them beside the report. */
        embedImages: z.boolean().default(true),
      })
      .strict(),
  ),
  /** Creates (once) and starts the built-in sample run: the shipped answers, rendered and scored. */
  'runs.installSample': call<RunDetail>()(empty),
  'drawings.save': call<DrawingView>()(
    z
      .object({
        concept: z.string().trim().min(1).max(2000),
        category: z.string().trim().min(1).max(200).optional(),
        language: z.enum(['processing', 'svg']),
        code: z
          .string()
          .min(1)
          .max(1 << 20),
        /** The pad's strokes, kept for redisplay. */
        strokes: z.unknown().optional(),
      })
      .strict(),
  ),
  'drawings.list': call<ReadonlyArray<DrawingView>>()(empty),
  'drawings.get': call<DrawingView>()(z.object({ id }).strict()),
  'datasets.list': call<ReadonlyArray<DatasetSummary>>()(empty),
  'datasets.get': call<DatasetSummary>()(z.object({ id }).strict()),
  'datasets.preview': call<DatasetPreview>()(
    z
      .object({
        id,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(20),
        category: z.string().min(1).optional(),
      })
      .strict(),
  ),
  'datasets.export': call<DatasetExported>()(
    z.object({ id, format: z.enum(['jsonl', 'csv']), file: z.string().min(1) }).strict(),
  ),
  'datasets.delete': call<{ readonly deleted: string }>()(z.object({ id }).strict()),
  'jobs.list': call<ReadonlyArray<JobSummary>>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        statuses: z.array(z.enum(JOB_STATUSES)).optional(),
        kind: z.enum(JOB_KINDS).optional(),
      })
      .strict(),
  ),
  'jobs.get': call<JobSummary>()(z.object({ id }).strict()),
  'jobs.start': call<JobSummary>()(jobStartRequest),
  'jobs.cancel': call<JobSummary>()(z.object({ id }).strict()),
  'jobs.resume': call<JobSummary>()(z.object({ id }).strict()),
  'models.list': call<ReadonlyArray<LlmModelView>>()(empty),
  'models.catalogue': call<ReadonlyArray<CatalogueModel>>()(empty),
  'models.info': call<LlmModelView>()(z.object({ id }).strict()),
  'models.inspect': call<ModelInspection>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  'models.import': call<LlmModelView>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        /** Copy into <dataDir>/models instead of referencing the file where it lies. */
        copy: z.boolean().default(false),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ),
  'models.remove': call<{ readonly id: string; readonly deletedFile: string | null }>()(
    z.object({ id }).strict(),
  ),
  'llm.ask': call<LlmAnswer>()(
    z
      .object({
        /** A model id of the model manager, or the path of a GGUF file. */
        model: z.string().min(1).max(4096),
        prompt: z.string().min(1).max(200_000),
        system: z.string().max(20_000).optional(),
        maxTokens: z.number().int().min(1).max(32_768).default(512),
        temperature: z.number().min(0).max(2).default(0.8),
        topP: z.number().gt(0).max(1).default(0.95),
        topK: z.number().int().min(0).max(1000).default(40),
        seed: z.number().int().min(0).max(0xffff_ffff).default(0),
        threads: z.number().int().min(1).max(256).optional(),
        contextSize: z.number().int().min(64).max(1_048_576).optional(),
        /** Ask an OpenAI-compatible server (Ollama, llama-server, vLLM…) instead; `model` is its model name. */
        endpoint: z.string().url().max(2000).optional(),
        apiKey: z.string().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'llm.cacheClear': call<{ readonly removed: number }>()(empty),
  'templates.list': call<ReadonlyArray<PromptTemplateView>>()(empty),
  'templates.save': call<PromptTemplateView>()(
    z
      .object({
        /** An existing id gets its next version (built-ins included); a new id starts at 1. */
        id: z.string().min(1).max(64),
        task: z.enum(TEMPLATE_TASKS),
        description: z.string().max(2000).optional(),
        messages: z
          .array(
            z
              .object({
                role: z.enum(['system', 'user', 'assistant']),
                content: z.string().min(1).max(100_000),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict(),
  ),
  'metrics.fid': call<FidComparison>()(
    z
      .object({
        a: z.string().min(1).max(4096),
        b: z.string().min(1).max(4096),
        kidSubsets: z.number().int().min(1).max(10_000).default(100),
        kidSubsetSize: z.number().int().min(2).max(1_000_000).default(1000),
        seed: z.number().int().min(0).max(0xffff_ffff).default(0),
      })
      .strict(),
  ),
  'metrics.forRun': call<ReadonlyArray<MetricRecord>>()(z.object({ runId: id }).strict()),
  'metrics.models': call<ReadonlyArray<MetricModelView>>()(empty),
  'metrics.importModel': call<MetricModelView>()(
    z.object({ id: z.string().min(1).max(100), folder: z.string().min(1).max(4096) }).strict(),
  ),
  'render.preview': call<RenderPreview>()(
    z
      .object({
        language: z.enum(RENDER_LANGUAGE_NAMES),
        /** The raw model answer (prose, fences, HTML…); extraction picks the code. */
        response: z.string().max(1 << 20),
        size: z.number().int().min(16).max(4096).default(512),
        seed: z.number().int().min(0).max(0xffff_ffff).default(0),
        /** Also return the PNG as base64 (the CLI writes it to a file). */
        includePng: z.boolean().default(false),
      })
      .strict(),
  ),
} as const;

/** Every event of the contract, with its payload type. */
export interface EventPayloads {
  readonly 'jobs.event': JobEvent;
  readonly 'store.changed': { readonly tables: ReadonlyArray<StoreTable> };
}

/** A call name such as `runs.list`. */
export type CallName = keyof typeof calls;
/** An event name such as `jobs.event`. */
export type EventName = keyof EventPayloads;
/** What a caller sends (defaults may be omitted). */
export type CallRequest<N extends CallName> = z.input<(typeof calls)[N]['request']>;
/** What a handler receives (after parsing: defaults filled in). */
export type ParsedRequest<N extends CallName> = z.output<(typeof calls)[N]['request']>;
/** What a call answers on success. */
export type CallResponse<N extends CallName> = NonNullable<(typeof calls)[N]['response']>;
/** What a call answers, success or failure. */
export type CallResult<N extends CallName> = Result<CallResponse<N>>;

// The name lists and guards live in a zod-free module so the preload and the renderer can use them
// without bundling every schema; re-exported here under the contract's own names.
export {
  CONTRACT_CALL_NAMES as CALL_NAMES,
  CONTRACT_EVENT_NAMES as EVENT_NAMES,
  isContractCall as isCallName,
  isContractEvent as isEventName,
} from './contract-names.js';

/**
 * The client-side view of the engine, identical across transports: the renderer, the CLI and the
 * tests all talk to this shape.
 */
export interface ApiClient {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<N>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
