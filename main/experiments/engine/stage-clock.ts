/** Wall time per pipeline stage, summed over items (stages overlap, so the sums exceed the run's time). */
import type { StageTimes } from '../../../shared/jobs.js';

/** Accumulates milliseconds per stage. */
export class StageClock {
  private readonly ms: { llm: number; render: number; store: number; metrics: number } = {
    llm: 0,
    render: 0,
    store: 0,
    metrics: 0,
  };

  private laneWaitMs = 0;

  /**
   * Time LLM calls waited for a lane slot: inside the `llm` stage's wall time but not model time,
   * so it is taken out of the `llm` sum.
   */
  addLaneWait(ms: number): void {
    this.laneWaitMs += ms;
  }

  /** Runs `work` and adds its wall time to `stage` (also when it throws). */
  async timed<T>(stage: keyof StageTimes, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.ms[stage] += performance.now() - start;
    }
  }

  /** Synchronous work timed the same way. */
  timedSync<T>(stage: keyof StageTimes, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.ms[stage] += performance.now() - start;
    }
  }

  /** The sums so far, rounded to whole milliseconds. */
  snapshot(): StageTimes {
    const round = (n: number): number => Math.round(n);
    return {
      llm: round(Math.max(0, this.ms.llm - this.laneWaitMs)),
      render: round(this.ms.render),
      store: round(this.ms.store),
      metrics: round(this.ms.metrics),
    };
  }
}
