/** The services a handler can reach: the composition of the domain modules for one data dir. */
import type { RunService } from '../experiments/run-service.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { LlmService } from '../llm/llm-service.js';
import type { RenderService } from '../render/render-answer.js';
import type { Store } from '../store/store.js';

/** Everything handlers use. */
export interface Services {
  readonly store: Store;
  readonly jobs: JobRegistry;
  /** Warm renderers per language (workers start on first use). */
  readonly render: RenderService;
  /** Model manager, templates, response cache and in-process runtimes (models load on first use). */
  readonly llm: LlmService;
  /** Runs of the experiments: create, show, samples, pause / cancel / resume, re-run. */
  readonly runs: RunService;
  readonly version: string;
}
