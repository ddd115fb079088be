/**
 * Runs a run's units with at most `limit` in flight, in plan order. More units are in flight than
 * any lane has slots, so that while later units wait for (or talk to) the model, earlier ones
 * render. On abort no new unit starts, and the scheduler waits for the ones in flight to settle
 * before it throws: nothing commits after the attempt has ended.
 */

/** What the scheduler needs of each unit's execution. */
export interface UnitRun<U> {
  readonly units: ReadonlyArray<U>;
  readonly limit: number;
  readonly signal: AbortSignal;
  execute(unit: U): Promise<void>;
}

/** Runs every unit; rejects with the first error (after the in-flight units have settled). */
export async function runUnits<U>(run: UnitRun<U>): Promise<void> {
  let next = 0;
  let firstError: unknown = null;
  const worker = async (): Promise<void> => {
    while (firstError === null && !run.signal.aborted) {
      const unit = run.units[next];
      if (unit === undefined) return;
      next += 1;
      try {
        await run.execute(unit);
      } catch (error) {
        firstError ??= error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(run.limit, run.units.length)) }, worker);
  await Promise.all(workers);
  if (firstError !== null) throw firstError;
  run.signal.throwIfAborted();
}
