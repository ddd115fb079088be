/**
 * A lane: the concurrency bound of one model of a run. Every chat/sample call of the model waits
 * for a slot, so a run with many units in flight never asks one model more than it can serve
 * (one call at a time in-process, where n samples are already batched; the endpoint's bound for a
 * server), while the units' renders go on in parallel.
 */
import type { ChatMessage, ChatResult, LlmProvider, ModelIdentity, SamplingParams } from '../../llm/types.js';

/** A counting semaphore whose waits end early on abort. */
export class LaneGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** A gate with `limit` slots; `onWait` learns how long each call waited for its slot. */
  constructor(
    readonly limit: number,
    private readonly onWait: (ms: number) => void = () => {},
  ) {}

  /** Runs `work` in a slot. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const start = performance.now();
    try {
      await this.acquire(signal);
    } finally {
      this.onWait(performance.now() - start);
    }
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Calls in their slot now. */
  get inUse(): number {
    return this.active;
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active += 1;
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason instanceof Error ? signal.reason : abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }
}

function abortError(): Error {
  return Object.assign(new Error('aborted'), { name: 'AbortError' });
}

/** A provider whose calls wait for a slot of `gate` (describe and close pass through). */
export function gatedProvider(provider: LlmProvider, gate: LaneGate): LlmProvider {
  return {
    id: provider.id,
    describe: (): Promise<ModelIdentity> => provider.describe(),
    chat: (messages: readonly ChatMessage[], params: SamplingParams, signal?: AbortSignal) =>
      gate.run<ChatResult>(() => provider.chat(messages, params, signal), signal),
    sample: (messages: readonly ChatMessage[], params: SamplingParams, n: number, signal?: AbortSignal) =>
      gate.run<readonly ChatResult[]>(() => provider.sample(messages, params, n, signal), signal),
    close: () => provider.close(),
  };
}
