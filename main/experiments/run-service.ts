/**
 * The runs of the experiments as the contract sees them: create (and start) a run from its config,
 * show it, page its samples, pause / cancel / resume it, and re-run it with changes. A run's work
 * is its `runs.execute` job (run-job.ts); the service keeps the run row and the job in step.
 */
import { RUN_CONFIG_VERSION, runConfigSchema, modelLabel, type RunConfig } from '../../shared/experiments.js';
import { z } from 'zod';
import { AppFailure } from '../../shared/result.js';
import {
  RESUMABLE_RUN_STATUSES,
  type RunDetail,
  type RunVersions,
  type SamplePage,
} from '../../shared/runs.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { RunRecord } from '../store/repos/runs-repo.js';
import { RunViewsRepo, type SampleQuery } from '../store/repos/run-views-repo.js';
import type { Store } from '../store/store.js';
import { mergeChanges } from './runs/merge-changes.js';
import { redactSecrets } from './runs/redact.js';

const RESUMABLE_JOB = new Set(['interrupted', 'failed', 'cancelled']);

function defaultName(config: RunConfig): string {
  const models = (config.models ?? []).map(modelLabel).join(', ');
  return models ? `${config.kind}: ${models}` : config.kind;
}

/** Creates, shows and steers runs. */
export class RunService {
  private readonly views: RunViewsRepo;

  constructor(
    private readonly store: Store,
    private readonly jobs: JobRegistry,
    private readonly appVersion: string,
  ) {
    this.views = new RunViewsRepo(store.db);
  }

  /** Stores a run with its parsed config and (unless `start` is false) starts its job. */
  create(config: RunConfig, start: boolean, parentRunId: string | null = null): RunDetail {
    this.checkInputs(config);
    const datasetId = config.kind === 'draw' ? config.datasetId : null;
    const id = this.store.runs.insert({
      name: config.name ?? defaultName(config),
      kind: config.kind,
      config,
      configVersion: RUN_CONFIG_VERSION,
      appVersion: this.appVersion,
      datasetId,
      parentRunId,
    });
    if (datasetId) this.store.datasets.lock(datasetId);
    if (start) this.startJob(id);
    return this.show(id);
  }

  /** A run in full. */
  show(id: string): RunDetail {
    const record = this.require(id);
    const summary = this.store.runs.get(id);
    if (!summary) throw new AppFailure('not_found', `No run ${id}.`);
    return {
      summary,
      config: redactSecrets(record.config),
      versions: record.versions as RunVersions | null,
      parentRunId: record.parentRunId,
      jobId: record.jobId,
      byStatus: { samples: this.store.samples.countsByStatus(id), renders: this.views.renderCounts(id) },
      metrics: this.views.runMetrics(id),
    };
  }

  /** A page of a run's samples. */
  samples(id: string, query: SampleQuery): SamplePage {
    this.require(id);
    return this.views.samples(id, query);
  }

  /** Stops a running run so that it can be resumed; resolves once it has stopped. */
  async pause(id: string): Promise<RunDetail> {
    const record = this.require(id);
    if (record.status !== 'running' || !record.jobId)
      throw new AppFailure('conflict', `Run ${id} is ${record.status}; only a running run can be paused.`);
    this.jobs.cancel(record.jobId, 'pause');
    await this.jobs.settled(record.jobId);
    return this.show(id);
  }

  /** Cancels a run (it stays resumable); resolves once it has stopped. */
  async cancel(id: string): Promise<RunDetail> {
    const record = this.require(id);
    if (record.status === 'finished') throw new AppFailure('conflict', `Run ${id} is finished.`);
    if (record.status === 'running' && record.jobId) {
      this.jobs.cancel(record.jobId);
      await this.jobs.settled(record.jobId);
    } else if (record.status !== 'cancelled') this.store.runs.setStatus(id, 'cancelled');
    return this.show(id);
  }

  /** Continues a run: exactly its unfinished items, in its job's next attempt (or a new job). */
  async resume(id: string): Promise<RunDetail> {
    const record = this.require(id);
    if (record.status === 'running') throw new AppFailure('conflict', `Run ${id} is already running.`);
    // A paused or cancelled run's job may still be winding down (closing its models).
    if (record.jobId) await this.jobs.settled(record.jobId);
    const status = this.require(id).status;
    if (status === 'finished') throw new AppFailure('conflict', `Run ${id} is finished; re-run it instead.`);
    if (status !== 'created' && !RESUMABLE_RUN_STATUSES.includes(status))
      throw new AppFailure('conflict', `Run ${id} is ${status}; it cannot be resumed.`);
    const job = record.jobId ? this.store.jobs.get(record.jobId) : null;
    if (job && RESUMABLE_JOB.has(job.status)) {
      this.jobs.resume(job.id);
      this.store.runs.markRunning(id);
    } else this.startJob(id);
    return this.show(id);
  }

  /**
   * Deletes a run that is not running, with its samples and scores; refused while another run
   * reads it (a self-correct source, a recognise input). Images stay in the content-addressed store.
   */
  delete(id: string): { readonly deleted: string } {
    const record = this.require(id);
    if (record.status === 'running')
      throw new AppFailure('conflict', `Run ${id} is running; pause or cancel it first.`);
    const dependents = this.store.runs.dependents(id);
    if (dependents.length > 0)
      throw new AppFailure('conflict', `Run ${id} is the input of run(s) ${dependents.join(', ')}.`);
    this.store.runs.delete(id);
    return { deleted: id };
  }

  /** A new run with the config of `id` changed by `changes`; the old run is never edited. */
  rerun(id: string, changes: Readonly<Record<string, unknown>>, start: boolean): RunDetail {
    const record = this.require(id);
    const parsed = runConfigSchema.safeParse(mergeChanges(record.config, changes));
    if (!parsed.success)
      throw new AppFailure(
        'validation',
        `Invalid changes: ${z.prettifyError(parsed.error)}`,
        parsed.error.issues,
      );
    return this.create(parsed.data, start, id);
  }

  /** Runs a dead process left `running` become `interrupted` (call at open, after the jobs'). */
  recoverInterrupted(): string[] {
    return this.store.runs.markInterrupted();
  }

  private startJob(id: string): void {
    const job = this.jobs.start('runs.execute', { runId: id });
    this.store.runs.setJob(id, job.id);
    // Running from now on (the job's first step checks it again), so the caller sees it started.
    this.store.runs.markRunning(id);
  }

  private require(id: string): RunRecord {
    const record = this.store.runs.record(id);
    if (!record) throw new AppFailure('not_found', `No run ${id}.`);
    return record;
  }

  /** The inputs a config names must exist (the dataset of a draw run, the runs others read). */
  private checkInputs(config: RunConfig): void {
    const runExists = (runId: string): void => {
      if (!this.store.runs.get(runId)) throw new AppFailure('not_found', `No run ${runId}.`);
    };
    switch (config.kind) {
      case 'draw':
        this.store.datasets.require(config.datasetId);
        return;
      case 'recognise':
        for (const input of config.inputs) if (input.from === 'run') runExists(input.runId);
        return;
      case 'correct':
        runExists(config.sourceRunId);
        return;
    }
  }
}
