/**
 * What a running run's job cannot learn from its own stop request: that the engine is closing (the
 * run then ends `interrupted`, not `cancelled`). Whether a stop is a pause or a cancel travels with
 * the job's stop request (`JobContext.stopReason`), here or from another process. One instance per
 * engine, shared by the engine and the `runs.execute` job.
 */

/** How a stopped attempt ends the run. */
export type StopReason = 'paused' | 'interrupted' | 'cancelled';

/** Whether the engine is closing. */
export class RunControl {
  private closing = false;

  /** Every stop from now on is the engine closing. */
  markClosing(): void {
    this.closing = true;
  }

  /** The status a stopped attempt ends its run with, given the job's stop request. */
  stopStatus(request: 'cancel' | 'pause' | null): StopReason {
    if (this.closing) return 'interrupted';
    return request === 'pause' ? 'paused' : 'cancelled';
  }
}
