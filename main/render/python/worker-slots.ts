/**
 * A fixed number of warm workers, started lazily, one job each at a time; extra callers wait in
 * FIFO order (back-pressure). A dead worker, or one started with a smaller memory limit than a
 * job needs, is replaced before the job runs.
 */

/** What a slot needs from a worker. */
export interface SlotWorker {
  readonly alive: boolean;
  stop(): Promise<void>;
}

interface Slot<W> {
  worker?: W;
  memoryMb: number;
}

/** Warm workers shared by concurrent renders. */
export class WorkerSlots<W extends SlotWorker> {
  private readonly idle: Slot<W>[] = [];
  private readonly waiting: ((slot: Slot<W>) => void)[] = [];
  private readonly all: Slot<W>[] = [];

  constructor(
    size: number,
    private readonly start: (memoryMb: number) => Promise<W>,
  ) {
    for (let i = 0; i < size; i++) {
      const slot: Slot<W> = { memoryMb: 0 };
      this.all.push(slot);
      this.idle.push(slot);
    }
  }

  /** Runs `work` on a warm worker whose server allows at least `memoryMb`. */
  async use<T>(memoryMb: number, work: (worker: W) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      if (!slot.worker?.alive || slot.memoryMb < memoryMb) {
        await slot.worker?.stop();
        slot.worker = undefined;
        slot.worker = await this.start(memoryMb);
        slot.memoryMb = memoryMb;
      }
      return await work(slot.worker);
    } finally {
      this.release(slot);
    }
  }

  private acquire(): Promise<Slot<W>> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot<W>): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** Stops every worker. */
  async dispose(): Promise<void> {
    await Promise.all(this.all.map((slot) => slot.worker?.stop()));
    for (const slot of this.all) slot.worker = undefined;
  }
}
