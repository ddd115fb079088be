/**
 * The study's experiments as the faces configure and see them: the config of a draw, recognise or
 * correct run (validated here, stored verbatim with the run), and the views of a run's samples.
 */
import { z } from 'zod';
import { RENDER_LANGUAGE_NAMES } from './render.js';

const seed = z.number().int().min(0).max(0xffff_ffff);
const label = z.string().trim().min(1).max(200);

/** Which model answers: in-process GGUF, an OpenAI-compatible server, or recorded answers replayed. */
export const modelSpecSchema = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('embedded'),
      /** A model id of the model manager, or the path of a GGUF file. */
      model: z.string().min(1).max(4096),
      threads: z.number().int().min(1).max(256).optional(),
      contextSize: z.number().int().min(64).max(1_048_576).optional(),
      /** The name samples are stored under (default: the model reference). */
      label: label.optional(),
    })
    .strict(),
  z
    .object({
      provider: z.literal('openai'),
      endpoint: z.string().url().max(2000),
      /** The server's model name. */
      model: z.string().min(1).max(500),
      apiKey: z.string().min(1).max(1000).optional(),
      /** Requests in flight at once against this endpoint. */
      concurrency: z.number().int().min(1).max(64).default(4),
      label: label.optional(),
    })
    .strict(),
  z
    .object({
      /** Replays answers recorded earlier: a JSONL of `{ "prompt", "response" }` (extra fields ignored). */
      provider: z.literal('recorded'),
      file: z.string().min(1).max(4096),
      label: label.optional(),
    })
    .strict(),
]);
/** A model of a run, as configured. */
export type ModelSpec = z.infer<typeof modelSpecSchema>;
/** A model of a run, as a caller writes it. */
export type ModelSpecInput = z.input<typeof modelSpecSchema>;

/** The name a model's samples are stored under. */
export function modelLabel(spec: ModelSpec): string {
  if (spec.label) return spec.label;
  switch (spec.provider) {
    case 'embedded':
      return spec.model;
    case 'openai':
      return spec.model;
    case 'recorded':
      return `recorded:${spec.file.split(/[\\/]/).pop() ?? spec.file}`;
  }
}

/** Sampling parameters of every LLM call of a run (each sample derives its own seed from `seed`). */
export const samplingSchema = z
  .object({
    temperature: z.number().min(0).max(2).default(0.8),
    topP: z.number().gt(0).max(1).default(0.95),
    topK: z.number().int().min(0).max(1000).default(40),
    maxTokens: z.number().int().min(1).max(32_768).default(1024),
  })
  .strict();

/** A template choice: an id and optionally a pinned version (default: the latest). */
export const templateRefSchema = z
  .object({ id: z.string().min(1).max(64), version: z.number().int().min(1).optional() })
  .strict();

/** Which concepts of a dataset version a run uses (all when absent). */
export const sliceSchema = z
  .object({
    categories: z.array(z.string().min(1)).optional(),
    keys: z.array(z.string().min(1)).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).optional(),
  })
  .strict();

/** The metrics a run computes when its items are done. */
export const runMetricsSchema = z
  .object({
    fidelity: z.boolean().default(true),
    diversity: z.boolean().default(true),
    /** A folder of natural images: adds realism (FID/KID against it). */
    reference: z.string().min(1).max(4096).optional(),
  })
  .strict();

const common = {
  name: z.string().trim().min(1).max(200).optional(),
  models: z.array(modelSpecSchema).min(1).max(32),
  sampling: samplingSchema.default({ temperature: 0.8, topP: 0.95, topK: 40, maxTokens: 1024 }),
  seed: seed.default(0),
  renderSize: z.number().int().min(16).max(4096).default(512),
  template: templateRefSchema.optional(),
  metrics: runMetricsSchema.default({ fidelity: true, diversity: true }),
};

/** A draw run: dataset slice × models × languages × samples per concept × strategy. */
export const drawConfigSchema = z
  .object({
    kind: z.literal('draw'),
    ...common,
    datasetId: z.string().min(1).max(200),
    slice: sliceSchema.optional(),
    languages: z.array(z.enum(RENDER_LANGUAGE_NAMES)).min(1),
    /** Samples per concept × model × language (`repeat`), or functions asked for (`param`). */
    samples: z.number().int().min(1).max(1000).default(1),
    strategy: z.enum(['repeat', 'param']).default('repeat'),
    /** `param`: argument settings rendered per function. */
    settings: z.number().int().min(1).max(64).default(4),
  })
  .strict();

/** Where the code a recognise run shows the model comes from. */
export const recogniseInputSchema = z.discriminatedUnion('from', [
  z
    .object({
      /** The renders of an earlier draw run (a model recognising its own or another's drawings). */
      from: z.literal('run'),
      runId: z.string().min(1).max(200),
      /** Only samples whose render is `ok` (default), or every sample with code. */
      onlyOk: z.boolean().default(true),
      limit: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      /** Code files; the concept is the truth the answer is scored against. */
      from: z.literal('files'),
      files: z
        .array(
          z
            .object({
              path: z.string().min(1).max(4096),
              language: z.enum(RENDER_LANGUAGE_NAMES),
              concept: z.string().min(1).max(2000),
              category: z.string().min(1).max(200).optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({
      /** Human drawings captured as code (`drawings.save`); all when `ids` is absent. */
      from: z.literal('drawings'),
      ids: z.array(z.string().min(1)).optional(),
    })
    .strict(),
]);
/** A recognise-run input, as configured. */
export type RecogniseInput = z.infer<typeof recogniseInputSchema>;

/** A recognise run: the study's "What does the following piece of code generate?". */
export const recogniseConfigSchema = z
  .object({
    kind: z.literal('recognise'),
    ...common,
    inputs: z.array(recogniseInputSchema).min(1),
    mode: z.enum(['free', 'choice', 'both']).default('both'),
    /** Multiple choice: options shown (the truth plus distractors from its category, seeded). */
    candidates: z.number().int().min(2).max(26).default(5),
  })
  .strict();

/** A self-correct run: R rounds of text-only feedback on the samples of an earlier draw run. */
export const correctConfigSchema = z
  .object({
    kind: z.literal('correct'),
    name: common.name,
    sourceRunId: z.string().min(1).max(200),
    /** The model asked to improve; default: the model that drew each sample (from the source run). */
    models: z.array(modelSpecSchema).min(1).max(32).optional(),
    rounds: z.number().int().min(1).max(20).default(3),
    /** Ask for a critique of the drawing first, then the rewrite (two calls per round). */
    critique: z.boolean().default(false),
    /** Feed the render status and error into the next round (off in the study). */
    feedbackErrors: z.boolean().default(false),
    /** Only samples whose first render is `ok` (default), at most `limit` of them. */
    onlyOk: z.boolean().default(true),
    limit: z.number().int().min(1).optional(),
    sampling: common.sampling,
    seed: common.seed,
    renderSize: common.renderSize,
    template: common.template,
    metrics: common.metrics,
  })
  .strict();

/** Any run's config: what `runs.create` takes and what a run stores. */
export const runConfigSchema = z.discriminatedUnion('kind', [
  drawConfigSchema,
  recogniseConfigSchema,
  correctConfigSchema,
]);
/** A run's config, as stored (defaults filled in). */
export type RunConfig = z.infer<typeof runConfigSchema>;
/** A run's config, as a caller writes it. */
export type RunConfigInput = z.input<typeof runConfigSchema>;
/** A draw run's config. */
export type DrawConfig = z.infer<typeof drawConfigSchema>;
/** A recognise run's config. */
export type RecogniseConfig = z.infer<typeof recogniseConfigSchema>;
/** A self-correct run's config. */
export type CorrectConfig = z.infer<typeof correctConfigSchema>;

/** Version of the run config format stored in `runs.config_version`. */
export const RUN_CONFIG_VERSION = 1;

/**
 * States of one sample (the render's own status says how the drawing went). `llm_error`: the call
 * failed (a server down, a timeout) — asked again when the run resumes; `rejected`: the model
 * refused this prompt for good (too long for its context, a 400) — final, like a render failure.
 */
export const SAMPLE_STATUSES = ['done', 'llm_error', 'rejected', 'param_error'] as const;
/** A sample status. */
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
