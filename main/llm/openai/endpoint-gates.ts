/** Bounded concurrency per endpoint: a small semaphore for each base URL, shared by its providers. */

class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  get inUse(): number {
    return this.active;
  }
}

/** The semaphores of the endpoints one engine talks to; build one and share it between providers. */
export class EndpointGates {
  private readonly gates = new Map<string, Semaphore>();

  /** Creates the gates; `limit` requests at most in flight per base URL. */
  constructor(private readonly limit = 4) {}

  /** Runs `work` once a slot of `baseUrl` is free; waiting ends early when `signal` aborts. */
  async run<T>(baseUrl: string, work: () => Promise<T>, signal?: AbortSignal, limit?: number): Promise<T> {
    const key = baseUrl.replace(/\/+$/, '');
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new Semaphore(Math.max(1, limit ?? this.limit));
      this.gates.set(key, gate);
    }
    await gate.acquire(signal);
    try {
      return await work();
    } finally {
      gate.release();
    }
  }

  /** Requests in flight to `baseUrl` now. */
  inFlight(baseUrl: string): number {
    return this.gates.get(baseUrl.replace(/\/+$/, ''))?.inUse ?? 0;
  }
}
