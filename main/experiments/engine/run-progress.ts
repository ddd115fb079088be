/**
 * Progress of a run's attempt in samples: `done` counts every committed sample of the planned work
 * (those of earlier attempts included, reported as `skipped`), `ok` the ones whose drawing (or
 * answer) worked, `failed` the rest; rate and ETA are over this attempt's commits only.
 */
import type { RunsExecutePhase, RunsExecuteProgress } from '../../../shared/jobs.js';
import { RateMeter } from '../../jobs/rate.js';
import type { ItemRecord } from '../../store/repos/samples-repo.js';
import type { StageClock } from './stage-clock.js';

/** Whether a committed item counts as ok: a finished sample whose render (if any) is ok. */
export function itemOk(item: ItemRecord): boolean {
  return item.sample.status === 'done' && (item.render === undefined || item.render.status === 'ok');
}

/** Counts of an attempt, reported through `report`. */
export class RunProgress {
  private done: number;
  private ok: number;
  private failed: number;
  private readonly meter = new RateMeter();

  /** Starts from what earlier attempts finished (`skipped` of them, `okBefore` ok). */
  constructor(
    private readonly runId: string,
    private readonly total: number,
    private readonly skipped: number,
    okBefore: number,
    private readonly clock: StageClock,
    private readonly report: (progress: RunsExecuteProgress) => void,
  ) {
    this.done = skipped;
    this.ok = Math.min(okBefore, skipped);
    this.failed = skipped - this.ok;
  }

  /** Items committed by this attempt so far. */
  get doneNow(): number {
    return this.done - this.skipped;
  }

  /** Counts committed items and reports. */
  committed(items: ReadonlyArray<ItemRecord>): void {
    for (const item of items) {
      this.done += 1;
      if (itemOk(item)) this.ok += 1;
      else this.failed += 1;
    }
    this.emit('items');
  }

  /** Reports the items phase (at start) or a step of the scoring phase. */
  emit(phase: RunsExecutePhase, step?: { readonly done: number; readonly total: number }): void {
    const base = {
      kind: 'runs.execute' as const,
      runId: this.runId,
      ok: this.ok,
      failed: this.failed,
      skipped: this.skipped,
      stageMs: this.clock.snapshot(),
    };
    if (phase === 'metrics' && step) {
      const fraction = step.total ? step.done / step.total : 1;
      this.report({ ...base, phase, done: step.done, total: step.total, fraction, message: 'metrics' });
      return;
    }
    const fraction = this.total ? this.done / this.total : 1;
    this.report({
      ...base,
      phase,
      done: this.done,
      total: this.total,
      fraction,
      ...(this.doneNow > 0 ? this.meter.update(this.doneNow, this.total - this.skipped) : {}),
    });
  }
}
