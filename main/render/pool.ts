/**
 * A crash-isolated pool of killable workers (worker threads or child processes) with a bounded
 * queue. Each worker runs one request at a time; a request past its deadline gets its worker
 * killed and replaced — the only reliable way to stop native or WASM code (PLATFORM.md).
 */
import { availableParallelism } from 'node:os';

/** A worker that answers one request at a time and can be killed at any moment. */
export interface PoolWorker<Req, Res> {
  run(request: Req): Promise<Res>;
  /** Stops it now (terminate / SIGKILL); pending `run` promises reject. */
  kill(): void;
}

/** How one pooled request ended. */
export type PoolResult<Res> =
  | { readonly kind: 'done'; readonly value: Res }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crashed'; readonly error: string }
  | { readonly kind: 'busy' };

/** Options of a {@link RenderPool}. */
export interface PoolOptions<Req, Res> {
  readonly size: number;
  /** Requests allowed to wait for a worker; beyond that `run` answers `busy` (back-pressure). */
  readonly maxQueue: number;
  readonly spawn: () => PoolWorker<Req, Res>;
}

/** Pool size for this machine: one worker per core, keeping one core for the app itself. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/** A bounded pool of warm, killable workers. */
export class RenderPool<Req, Res> {
  private readonly idle: PoolWorker<Req, Res>[] = [];
  private readonly waiting: ((worker: PoolWorker<Req, Res>) => void)[] = [];
  private started = 0;
  private disposed = false;

  constructor(private readonly options: PoolOptions<Req, Res>) {}

  /** Runs `request` on a warm worker, killing it when `timeoutMs` passes. */
  async run(request: Req, timeoutMs: number): Promise<PoolResult<Res>> {
    if (this.disposed) return { kind: 'crashed', error: 'renderer pool is closed' };
    const worker = await this.acquire();
    if (!worker) return { kind: 'busy' };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const value = await Promise.race([worker.run(request), deadline]);
      if (value === 'timeout') {
        this.discard(worker);
        return { kind: 'timeout' };
      }
      this.release(worker);
      return { kind: 'done', value };
    } catch (error) {
      this.discard(worker);
      return { kind: 'crashed', error: (error as Error).message ?? String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills every worker; later runs answer `crashed`. */
  dispose(): void {
    this.disposed = true;
    for (const worker of this.idle.splice(0)) worker.kill();
  }

  private async acquire(): Promise<PoolWorker<Req, Res> | undefined> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.started < this.options.size) {
      this.started += 1;
      return this.options.spawn();
    }
    if (this.waiting.length >= this.options.maxQueue) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: PoolWorker<Req, Res>): void {
    if (this.disposed) return worker.kill();
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  /** Kills a worker that timed out or crashed; a waiting request gets a fresh one. */
  private discard(worker: PoolWorker<Req, Res>): void {
    worker.kill();
    this.started -= 1;
    const next = this.waiting.shift();
    if (next && !this.disposed) {
      this.started += 1;
      next(this.options.spawn());
    }
  }
}
