/** Bounded capture of a child's stdout/stderr: keeps the first bytes, counts the rest. */

/** Collects up to `keep` bytes; `total` counts everything that arrived. */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte seen, kept or not. */
  total = 0;

  constructor(private readonly keep: number) {}

  /** Adds a chunk (only its part below the cap is stored). */
  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.keep) return;
    const part = chunk.subarray(0, this.keep - this.kept);
    this.chunks.push(part);
    this.kept += part.length;
  }

  /** The kept text, with a marker when bytes were dropped. */
  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.total > this.kept ? `${body}\n… (${this.total - this.kept} more bytes dropped)` : body;
  }
}

/** The signal that ended a process, from a shell-style exit status (128 + N) or the signal itself. */
export function exitSignalNumber(exitCode: number | null, signal: NodeJS.Signals | null): number | null {
  if (signal) return signalNumbers[signal] ?? null;
  if (exitCode !== null && exitCode > 128 && exitCode < 160) return exitCode - 128;
  return null;
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = {
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGABRT: 6,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGTERM: 15,
  SIGBUS: 7,
};

/** SIGKILL (9), SIGXCPU (24), SIGXFSZ (25): the numbers the renderers classify by. */
export const SIGNALS = { kill: 9, cpu: 24, fileSize: 25, segv: 11, abort: 6 } as const;
