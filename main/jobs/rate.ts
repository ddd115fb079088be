/** Rate and ETA over a sliding window, for progress reports. */

/** Tracks (time, done) samples and estimates items/s and seconds left. */
export class RateMeter {
  private readonly samples: Array<{ t: number; done: number }> = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records a sample and returns the current rate and ETA (undefined until measurable). */
  update(done: number, total: number | null, now = Date.now()): { rate?: number; etaSeconds?: number } {
    this.samples.push({ t: now, done });
    while (this.samples.length > 2 && now - (this.samples[0]?.t ?? now) > this.windowMs) this.samples.shift();
    const first = this.samples[0];
    if (!first || now - first.t < 250 || done <= first.done) return {};
    const rate = ((done - first.done) * 1000) / (now - first.t);
    return total === null ? { rate } : { rate, etaSeconds: Math.max(0, (total - done) / rate) };
  }
}
