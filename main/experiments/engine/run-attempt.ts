/**
 * One attempt of one run: the state an ExperimentContext reads and writes (opened models, which
 * samples are done, stage times, the templates and renderers used) and the context itself. A unit
 * gets its own view of the context, so the engine sees what each unit committed (the circuit
 * breaker counts units whose every answer failed at the model).
 */
import type { RunConfig, ModelSpec } from '../../../shared/experiments.js';
import type { RunVersions } from '../../../shared/runs.js';
import { canonicalJson } from '../../llm/response-cache.js';
import type { LlmService } from '../../llm/llm-service.js';
import { BUILTIN_TEMPLATES } from '../../llm/templates/builtin-templates.js';
import type { PromptTemplate, TemplateTask } from '../../llm/templates/prompt-template.js';
import type { RenderService } from '../../render/render-answer.js';
import { sampleKey, type ItemRecord } from '../../store/repos/samples-repo.js';
import type { Store } from '../../store/store.js';
import type { ExperimentContext, LaneModel } from '../experiment.js';
import { openLaneModel, type OpenedModel } from '../models/open-model.js';
import { StageClock } from './stage-clock.js';

/** The engine's parts an attempt uses. */
export interface AttemptDeps {
  readonly store: Store;
  readonly llm: LlmService;
  readonly render: RenderService;
  readonly appVersion: string;
}

/** The state of one attempt. */
export class RunAttempt {
  readonly clock = new StageClock();
  readonly done: Set<string>;
  private readonly models = new Map<string, Promise<OpenedModel>>();
  private readonly templates: Record<string, string> = {};
  private readonly renderers: Record<string, string> = {};
  /** Called after every commit (progress). */
  onCommit: (items: ReadonlyArray<ItemRecord>) => void = () => {};

  constructor(
    readonly deps: AttemptDeps,
    readonly runId: string,
    readonly config: RunConfig,
    readonly log: (line: string) => void,
  ) {
    this.done = deps.store.samples.doneKeys(runId);
  }

  /** The context an executor of this attempt sees, with its own commit hook and signal. */
  context(signal: AbortSignal, onUnitCommit?: (items: ReadonlyArray<ItemRecord>) => void): ExperimentContext {
    const { store, llm, render } = this.deps;
    return {
      runId: this.runId,
      config: this.config,
      store,
      render,
      llm,
      signal,
      model: (spec) => this.model(spec),
      template: (task, ref) => this.template(task, ref),
      isDone: (key) => this.done.has(key),
      commit: (items) => {
        const ids = this.clock.timedSync('store', () => store.samples.commit(items));
        for (const item of items) {
          this.done.add(sampleKey(item.sample));
          // Also for answers with no code: the renderer that would have run is the one recorded.
          const r = item.render;
          if (r && r.renderer !== 'none') this.renderers[r.language] ??= r.rendererVersion;
        }
        onUnitCommit?.(items);
        this.onCommit(items);
        return ids;
      },
      timed: (stage, work) => this.clock.timed(stage, work),
      recordRenderer: (language, rendererId) => {
        this.renderers[language] = rendererId;
      },
      log: this.log,
    };
  }

  /** The versions this attempt used, over those an earlier attempt recorded. */
  async versions(previous: RunVersions | null): Promise<RunVersions> {
    const models: Record<string, unknown> = { ...previous?.models };
    for (const opened of await Promise.allSettled(this.models.values()))
      if (opened.status === 'fulfilled') models[opened.value.model.label] = opened.value.model.identity;
    return {
      app: this.deps.appVersion,
      templates: { ...previous?.templates, ...this.templates },
      renderers: { ...previous?.renderers, ...this.renderers },
      models,
    };
  }

  /** Closes the providers this attempt opened (never the shared runtimes). */
  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.models.values());
    this.models.clear();
    await Promise.allSettled(
      opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : Promise.resolve())),
    );
  }

  private async model(spec: ModelSpec): Promise<LaneModel> {
    const key = canonicalJson(spec);
    let opened = this.models.get(key);
    if (!opened) {
      opened = openLaneModel(spec, this.deps.llm, (ms) => this.clock.addLaneWait(ms));
      this.models.set(key, opened);
    }
    return (await opened).model;
  }

  private template(
    task: TemplateTask,
    ref?: { readonly id: string; readonly version?: number },
  ): PromptTemplate {
    const id = ref?.id ?? BUILTIN_TEMPLATES.find((t) => t.task === task)?.id ?? task;
    const template = this.deps.llm.templates.get(id, ref?.version);
    this.templates[task] = `${template.id}@${template.version}`;
    return template;
  }
}
