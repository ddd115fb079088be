/**
 * What every experiment kind (draw, recognise, correct) plugs into the run engine: it plans the
 * run's work units, executes one unit (asking the model, rendering, committing its samples), and
 * scores the run at the end. The engine (run-job.ts) owns everything around that: which units are
 * already done, concurrency per model, progress with rate and ETA, pause/cancel/resume, stage
 * timings, versions and the run's status.
 */
import type { RunConfig } from '../../shared/experiments.js';
import type { StageTimes } from '../../shared/jobs.js';
import type { LlmService } from '../llm/llm-service.js';
import type { PromptTemplate, TemplateTask } from '../llm/templates/prompt-template.js';
import type { LlmProvider, ModelIdentity } from '../llm/types.js';
import type { RenderService } from '../render/render-answer.js';
import type { ItemRecord } from '../store/repos/samples-repo.js';
import type { Store } from '../store/store.js';
import type { ModelSpec } from '../../shared/experiments.js';

/** One unit of a run's work, committed by its executor (often one prompt and its n samples). */
export interface WorkUnit {
  /** Stable across attempts (used in logs and progress). */
  readonly key: string;
  /** The model label whose concurrency bound the unit's LLM calls take. */
  readonly lane: string;
  /** The `sampleKey`s the unit writes; it is done when every one of them is committed. */
  readonly sampleKeys: ReadonlyArray<string>;
}

/** A model of the run, opened once per attempt; its calls wait for a slot of its lane. */
export interface LaneModel {
  readonly spec: ModelSpec;
  /** The name its samples are stored under (`modelLabel(spec)`). */
  readonly label: string;
  readonly identity: ModelIdentity;
  /** 'embedded' | 'openai' | 'recorded' (stored in `generations.provider`). */
  readonly providerName: string;
  readonly provider: LlmProvider;
}

/** What an executor may use; everything is scoped to one attempt of one run. */
export interface ExperimentContext {
  readonly runId: string;
  readonly config: RunConfig;
  readonly store: Store;
  readonly render: RenderService;
  readonly llm: LlmService;
  /** Aborted on pause, cancel or shutdown; executors pass it to every call. */
  readonly signal: AbortSignal;
  /** The opened model of a spec (same spec → same instance). */
  model(spec: ModelSpec): Promise<LaneModel>;
  /** The template of a task: `ref` or else the built-in default id, latest version; recorded in the run's versions. */
  template(task: TemplateTask, ref?: { readonly id: string; readonly version?: number }): PromptTemplate;
  /** True when an earlier attempt committed the sample (an executor skips those). */
  isDone(sampleKey: string): boolean;
  /** Commits finished items in one transaction (counted as `store` time); returns their sample ids. */
  commit(items: ReadonlyArray<ItemRecord>): number[];
  /** Runs `work` and adds its wall time to a stage. */
  timed<T>(stage: keyof StageTimes, work: () => Promise<T>): Promise<T>;
  /** Records the renderer that rendered a language (for the run's versions). */
  recordRenderer(language: string, rendererId: string): void;
  log(line: string): void;
}

/** Progress of the scoring phase. */
export type ScoreCheckpoint = (done: number, total: number) => Promise<void>;

/** What scoring stored, and what it could not do. */
export interface ScoreOutcome {
  readonly names: ReadonlyArray<string>;
  readonly warnings: ReadonlyArray<string>;
}

/** An experiment kind bound to one run's config. */
export interface Experiment<U extends WorkUnit = WorkUnit> {
  /** Every unit of the run, in order, done or not (the engine skips the done ones). */
  plan(ctx: ExperimentContext): Promise<ReadonlyArray<U>>;
  /**
   * Does one unit: asks, renders, commits each finished sample through `ctx.commit`. Per-sample
   * failures are committed with their status and error; only an abort may throw.
   */
  execute(unit: U, ctx: ExperimentContext): Promise<void>;
  /** Scores the finished run (the metrics engine); a missing metric model is a warning, not a failure. */
  score(ctx: ExperimentContext, checkpoint: ScoreCheckpoint): Promise<ScoreOutcome>;
}
