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
import type { Result } from './result.js';
import { RUN_KINDS, RUN_STATUSES, type RunPage, type RunSummary } from './runs.js';

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
