/**
 * Stops a run whose model keeps failing: after `limit` consecutive units whose every sample failed
 * at the model (`llm_error`), going on would only write more failures (a server that is down, a
 * model that cannot load). The run ends `failed` with the last error; resuming retries those units.
 */
import type { ItemRecord } from '../../store/repos/samples-repo.js';

/** Consecutive all-failed units before a run stops. */
export const CIRCUIT_BREAKER_UNITS = 5;

/** Counts consecutive units that failed at the model. */
export class CircuitBreaker {
  private consecutive = 0;
  private error: string | null = null;
  private stopped = false;

  constructor(private readonly limit = CIRCUIT_BREAKER_UNITS) {}

  /** Records what a unit committed; true when the breaker trips. */
  record(items: ReadonlyArray<ItemRecord>): boolean {
    // Only items that asked the model count (a self-correct round 0 copies the source drawing).
    const asked = items.filter((item) => item.generation !== undefined);
    if (asked.length === 0) return this.tripped;
    if (asked.every((item) => item.sample.status === 'llm_error')) {
      this.consecutive += 1;
      const last = asked.at(-1);
      this.error = last?.sample.errorText ?? last?.generation?.errorText ?? this.error;
    } else {
      this.consecutive = 0;
    }
    // Sticky: units still in flight when it trips must not reset it.
    this.stopped ||= this.consecutive >= this.limit;
    return this.stopped;
  }

  /** True once `limit` consecutive units failed. */
  get tripped(): boolean {
    return this.stopped;
  }

  /** Why the run stopped. */
  message(): string {
    return `stopped after ${this.limit} consecutive units failed at the model: ${this.error ?? 'unknown error'}`;
  }
}
