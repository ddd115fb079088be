/** Throttles progress delivery: at most one report per interval, and the last one is never lost. */

/** A throttled sink; `flush` delivers a pending report immediately. */
export interface ProgressThrottle<T> {
  push(value: T): void;
  flush(): void;
  dispose(): void;
}

/** Wraps `deliver` so it runs at most once per `intervalMs` (leading and trailing edge). */
export function throttleProgress<T>(deliver: (value: T) => void, intervalMs: number): ProgressThrottle<T> {
  let last = 0;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const emit = (): void => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = Date.now();
    deliver(value);
  };
  return {
    push(value) {
      pending = { value };
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) emit();
      else timer ??= setTimeout(emit, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      emit();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
