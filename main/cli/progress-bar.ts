/**
 * A progress bar for long CLI work, written to stderr so stdout stays clean for `--json`. On a TTY
 * it redraws one line (bar, percent, count, rate, ETA); elsewhere (CI logs, pipes) it prints a
 * plain line every few seconds, so logs stay readable.
 */
import { RateMeter } from '../jobs/rate.js';

/** Where the bar draws: stderr, or anything with `write` (tests). */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** One progress report; rate and ETA are measured here when the reporter does not send them. */
export interface ProgressSnapshot {
  readonly done: number;
  readonly total: number | null;
  readonly rate?: number;
  readonly etaSeconds?: number;
  readonly message?: string;
}

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  readonly stream: ProgressStream;
  readonly label: string;
  /** Milliseconds between plain lines when the stream is not a TTY (default 5000). */
  readonly lineIntervalMs?: number;
  /** Milliseconds between redraws on a TTY (default 100). */
  readonly redrawIntervalMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

const BAR_WIDTH = 24;

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number): string => String(n).padStart(2, '0');
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** The text of one report, without the bar: `42% 420/1000 12/s ETA 0:47 message`. */
export function describeProgress(snapshot: ProgressSnapshot): string {
  const { done, total, rate, etaSeconds, message } = snapshot;
  const parts: string[] = [];
  if (total !== null && total > 0) parts.push(`${Math.floor((Math.min(done, total) / total) * 100)}%`);
  parts.push(total === null ? `${done}` : `${done}/${total}`);
  if (rate !== undefined && Number.isFinite(rate)) parts.push(`${formatRate(rate)}/s`);
  const finished = total !== null && done >= total;
  if (!finished && etaSeconds !== undefined && Number.isFinite(etaSeconds)) {
    parts.push(`ETA ${formatDuration(etaSeconds)}`);
  }
  if (message) parts.push(message);
  return parts.join(' ');
}

function formatRate(rate: number): string {
  return rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1);
}

/** A bar over one piece of work; call `update` as reports come and `finish` once. */
export class ProgressBar {
  private readonly meter = new RateMeter();
  private readonly now: () => number;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private last: ProgressSnapshot = { done: 0, total: null };
  private finished = false;

  constructor(private readonly options: ProgressBarOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** Records a report and draws it when enough time has passed since the last draw. */
  update(snapshot: ProgressSnapshot): void {
    if (this.finished) return;
    const measured = this.meter.update(snapshot.done, snapshot.total, this.now());
    // The reporter's own rate and ETA win over ours: it sees the work, we only see the reports.
    const rate = snapshot.rate ?? measured.rate;
    const { total, done } = snapshot;
    const eta = rate && total !== null ? Math.max(0, (total - done) / rate) : undefined;
    this.last = { ...snapshot, rate, etaSeconds: snapshot.etaSeconds ?? eta };
    const interval = this.tty
      ? (this.options.redrawIntervalMs ?? 100)
      : (this.options.lineIntervalMs ?? 5_000);
    if (this.now() - this.lastDraw >= interval) this.draw();
  }

  /** Draws the final state and ends the line; `summary` replaces the counts on a plain stream. */
  finish(summary?: string): void {
    if (this.finished) return;
    this.finished = true;
    const elapsed = formatDuration((this.now() - this.started) / 1000);
    if (this.tty) {
      this.draw();
      this.options.stream.write('\n');
    } else {
      this.options.stream.write(
        `${this.options.label}: ${summary ?? describeProgress(this.last)} (${elapsed})\n`,
      );
    }
  }

  private get tty(): boolean {
    return this.options.stream.isTTY === true;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const text = describeProgress(this.last);
    if (!this.tty) return void this.options.stream.write(`${this.options.label}: ${text}\n`);
    const { done, total } = this.last;
    const fraction = total !== null && total > 0 ? Math.min(1, done / total) : total === 0 ? 1 : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${'='.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}]`;
    const line = `${this.options.label} ${bar} ${text}`;
    const width = Math.max(20, (this.options.stream.columns ?? 80) - 1);
    this.options.stream.write(`\r\x1b[2K${line.slice(0, width)}`);
  }
}
