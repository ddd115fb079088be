/**
 * The job registry: starts jobs by kind, cancels them by id, persists every state change, throttles
 * progress, and resumes jobs that a dead process left behind. Each registry owns its own table of
 * running jobs (no module-level state), so several engines can live in one process (tests).
 */
import { randomUUID } from 'node:crypto';
import type { JobEvent, JobKind, JobProgress, JobStatus, JobSummary } from '../../shared/jobs.js';
import { AppFailure } from '../../shared/result.js';
import type { JobsRepo } from '../store/repos/jobs-repo.js';
import { currentOwner, HEARTBEAT_INTERVAL_MS, ownerGone } from './job-owner.js';
import { throttleProgress } from './progress-throttle.js';
import type { JobContext, JobDefinition } from './types.js';

/** Statuses from which `resume` may restart a job. */
const RESUMABLE: ReadonlyArray<JobStatus> = ['interrupted', 'failed', 'cancelled'];

interface Running {
  readonly controller: AbortController;
  readonly done: Promise<void>;
  /** Set by cancel (here or through a stop request from another process). */
  stopReason: 'cancel' | 'pause' | null;
}

/** How often a registry looks for stop requests other processes wrote for its jobs. */
const STOP_POLL_MS = 500;

/** How long `settled` waits for another process to stop a job. */
const REMOTE_SETTLE_MS = 60_000;

/** Options for {@link JobRegistry}. */
export interface JobRegistryOptions {
  /** Minimum milliseconds between progress events and progress writes (default 200). */
  readonly progressIntervalMs?: number;
}

/** Thrown by runners (or raised by the signal) when a job is cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError');
}

/** Starts, cancels, resumes and reports jobs. */
export class JobRegistry {
  private readonly definitions = new Map<JobKind, JobDefinition>();
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private readonly intervalMs: number;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: JobsRepo,
    options: JobRegistryOptions = {},
  ) {
    this.intervalMs = options.progressIntervalMs ?? 200;
  }

  /** Adds a job kind. */
  define(definition: JobDefinition): void {
    this.definitions.set(definition.kind, definition);
  }

  /** Subscribes to job events; returns the unsubscribe function. */
  subscribe(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks jobs a dead process left running as `interrupted` (call once at open). */
  recoverInterrupted(): string[] {
    const ids = this.repo.markInterrupted(ownerGone);
    ids.forEach((id) => this.emit({ type: 'status', job: this.repo.require(id) }));
    return ids;
  }

  /** Validates params, persists a queued job and starts it; resolves once it is running. */
  start(kind: JobKind, params: unknown): JobSummary {
    const definition = this.definitionOf(kind);
    const parsed = definition.params.safeParse(params);
    if (!parsed.success)
      throw new AppFailure('validation', `Invalid params for ${kind}: ${parsed.error.message}`);
    const job = this.repo.insert(randomUUID(), kind, parsed.data);
    this.emit({ type: 'status', job });
    this.launch(job.id, definition, parsed.data, false);
    return this.repo.require(job.id);
  }

  /** Restarts an interrupted, failed or cancelled job; committed items are not redone. */
  resume(id: string): JobSummary {
    const job = this.get(id);
    if (this.running.has(id)) throw new AppFailure('conflict', `Job ${id} is already running.`);
    if (!RESUMABLE.includes(job.status))
      throw new AppFailure('conflict', `Job ${id} is ${job.status}; it cannot be resumed.`);
    this.launch(id, this.definitionOf(job.kind), job.params, true);
    return this.repo.require(id);
  }

  /**
   * Cancels a job: aborts it when running here; asks the owner when another live process runs it
   * (it stops within a poll interval); otherwise just records the cancellation. `pause` is a
   * cancel whose runner may keep the work resumable by intent (a run ends `paused`).
   */
  cancel(id: string, reason: 'cancel' | 'pause' = 'cancel'): JobSummary {
    const job = this.get(id);
    const running = this.running.get(id);
    if (running) {
      running.stopReason ??= reason;
      running.controller.abort();
    } else if (job.status === 'running') this.repo.requestStop(id, reason);
    else if (job.status === 'queued' || job.status === 'interrupted') {
      this.repo.finish(id, 'cancelled', null, 'Cancelled.');
      this.emit({ type: 'status', job: this.repo.require(id) });
    }
    return this.repo.require(id);
  }

  /** One job; throws `not_found`. */
  get(id: string): JobSummary {
    const job = this.repo.get(id);
    if (!job) throw new AppFailure('not_found', `No job ${id}.`);
    return job;
  }

  /** Resolves when the job is no longer running (here, or in another process: polled, bounded). */
  async settled(id: string): Promise<JobSummary> {
    const local = this.running.get(id);
    if (local) {
      await local.done;
      return this.get(id);
    }
    const until = Date.now() + REMOTE_SETTLE_MS;
    let job = this.get(id);
    while (job.status === 'running' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = this.get(id);
    }
    return job;
  }

  /** Cancels every running job and waits for them to stop. */
  async shutdown(): Promise<void> {
    const all = [...this.running.values()];
    all.forEach((r) => r.controller.abort());
    await Promise.all(all.map((r) => r.done));
    this.stopHeartbeat();
  }

  /**
   * Keeps this process's running jobs visibly alive to other processes on the same data dir, and
   * acts on the stop requests those processes write.
   */
  private startHeartbeat(): void {
    if (this.heartbeat) return;
    let lastBeat = Date.now();
    this.heartbeat = setInterval(() => {
      if (this.running.size === 0) return this.stopHeartbeat();
      const ids = [...this.running.keys()];
      for (const [id, reason] of this.repo.stopRequests(ids)) this.cancel(id, reason);
      if (Date.now() - lastBeat < HEARTBEAT_INTERVAL_MS) return;
      lastBeat = Date.now();
      this.repo.heartbeat(ids);
    }, STOP_POLL_MS);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private definitionOf(kind: JobKind): JobDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new AppFailure('unavailable', `No runner for job kind ${kind}.`);
    return definition;
  }

  private launch(id: string, definition: JobDefinition, params: unknown, resumed: boolean): void {
    this.repo.markRunning(id, resumed, currentOwner());
    this.startHeartbeat();
    const controller = new AbortController();
    const done = this.execute(id, definition, params, controller.signal).finally(() =>
      this.running.delete(id),
    );
    this.running.set(id, { controller, done, stopReason: null });
    this.emit({ type: 'status', job: this.repo.require(id) });
  }

  private async execute(
    id: string,
    definition: JobDefinition,
    params: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    const progress = throttleProgress<JobProgress>((p) => {
      this.repo.saveProgress(id, p);
      this.emit({ type: 'progress', jobId: id, progress: p });
    }, this.intervalMs);
    const ctx = this.context(id, signal, (p) => progress.push(p));
    // Let start() return the running row before any work (and any synchronous failure) happens.
    await Promise.resolve();
    try {
      const result = await definition.run(params, ctx);
      progress.flush();
      this.repo.finish(
        id,
        signal.aborted ? 'cancelled' : 'succeeded',
        result,
        signal.aborted ? 'Cancelled.' : null,
      );
    } catch (error) {
      progress.flush();
      const cancelled = signal.aborted || isAbort(error);
      this.repo.finish(
        id,
        cancelled ? 'cancelled' : 'failed',
        null,
        cancelled ? 'Cancelled.' : errorText(error),
      );
      if (!cancelled) this.repo.log(id, `failed: ${errorText(error)}`);
    } finally {
      progress.dispose();
    }
    this.emit({ type: 'status', job: this.repo.require(id) });
  }

  private context(id: string, signal: AbortSignal, report: (p: JobProgress) => void): JobContext {
    const attempt = this.repo.require(id).attempt;
    const repo = this.repo;
    return {
      jobId: id,
      attempt,
      signal,
      stopReason: () => this.running.get(id)?.stopReason ?? null,
      report,
      log: (line) => {
        repo.log(id, line);
        this.emit({ type: 'log', jobId: id, line });
      },
      items: {
        isDone: (key) => repo.isItemDone(id, key),
        commit: (key, status, result) => repo.commitItemResult(id, key, status, result, attempt),
        committed: () => repo.items(id),
      },
    };
  }

  private emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A faulty listener (a closed socket) must not break the job.
      }
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
