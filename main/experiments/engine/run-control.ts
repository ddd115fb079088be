/**
 * What the run service tells a running run's job besides "stop": whether the stop is a pause (the
 * run ends `paused`) or the engine closing (the run ends `interrupted`); a plain cancel ends it
 * `cancelled`. One instance per engine, shared by the service and the `runs.execute` job.
 */

/** How a stopped attempt ends the run. */
export type StopReason = 'paused' | 'interrupted' | 'cancelled';

/** Stop requests of an engine's runs. */
export class RunControl {
  private readonly pauses = new Set<string>();
  private closing = false;

  /** Marks the next stop of `runId` as a pause. */
  requestPause(runId: string): void {
    this.pauses.add(runId);
  }

  /** Forgets a pause request (the job was not running after all). */
  clearPause(runId: string): void {
    this.pauses.delete(runId);
  }

  /** Every stop from now on is the engine closing. */
  markClosing(): void {
    this.closing = true;
  }

  /** The status a stopped attempt of `runId` ends with; consumes its pause request. */
  takeStopReason(runId: string): StopReason {
    const paused = this.pauses.delete(runId);
    if (this.closing) return 'interrupted';
    return paused ? 'paused' : 'cancelled';
  }
}
