import { describe, expect, it } from 'vitest';
import { describeProgress, formatDuration, ProgressBar } from '../../../main/cli/progress-bar.js';

/** A writable that records what the bar wrote, as a terminal or as a log file. */
function recorder(isTTY: boolean, columns = 100) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns, write: (chunk: string) => chunks.push(chunk) } };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress bar text', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(47.4)).toBe('0:47');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('shows percent, count, rate, ETA and message', () => {
    expect(describeProgress({ done: 420, total: 1000, rate: 4.56, etaSeconds: 47, message: 'hashing' })).toBe(
      '42% 420/1000 4.6/s ETA 0:47 hashing',
    );
    expect(describeProgress({ done: 5, total: null, rate: 250 })).toBe('5 250/s');
  });
});

describe('progress bar on a terminal', () => {
  it('redraws one line, throttled, and ends it on finish', () => {
    const { chunks, stream } = recorder(true);
    const time = clock();
    const bar = new ProgressBar({ stream, label: 'verify', now: time.now, redrawIntervalMs: 100 });
    bar.update({ done: 1, total: 4 });
    time.advance(10);
    bar.update({ done: 2, total: 4 }); // within 100 ms: not drawn
    time.advance(200);
    bar.update({ done: 3, total: 4 });
    expect(chunks).toHaveLength(2);
    expect(chunks.every((c) => c.startsWith('\r\x1b[2K'))).toBe(true);
    expect(chunks[0]).toContain('verify [======                  ] 25% 1/4');
    expect(chunks[1]).toContain('75% 3/4');
    bar.update({ done: 4, total: 4 });
    bar.finish();
    expect(chunks.at(-2)).toContain('[========================] 100% 4/4');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('measures rate and ETA itself when the reporter sends none', () => {
    const { chunks, stream } = recorder(true);
    const time = clock();
    const bar = new ProgressBar({ stream, label: 'x', now: time.now, redrawIntervalMs: 0 });
    bar.update({ done: 0, total: 100 });
    time.advance(1000);
    bar.update({ done: 10, total: 100 });
    expect(chunks.at(-1)).toContain('10% 10/100 10/s ETA 0:09');
  });

  it('never draws wider than the terminal', () => {
    const { chunks, stream } = recorder(true, 40);
    const bar = new ProgressBar({ stream, label: 'verify', redrawIntervalMs: 0 });
    bar.update({ done: 1, total: 3, message: 'a very long message that would wrap the terminal line' });
    expect((chunks[0] ?? '').replace('\r\x1b[2K', '').length).toBeLessThanOrEqual(39);
  });
});

describe('progress bar in a log', () => {
  it('prints a plain line at most every interval, and a summary line on finish', () => {
    const { chunks, stream } = recorder(false);
    const time = clock();
    const bar = new ProgressBar({ stream, label: 'verify', now: time.now, lineIntervalMs: 5000 });
    for (let done = 1; done <= 10; done++) {
      bar.update({ done, total: 10, rate: 2 });
      time.advance(1000);
    }
    bar.finish();
    expect(chunks).toEqual([
      'verify: 10% 1/10 2.0/s ETA 0:05\n',
      'verify: 60% 6/10 2.0/s ETA 0:02\n',
      'verify: 100% 10/10 2.0/s (0:10)\n',
    ]);
    expect(chunks.join('')).not.toContain('\r');
  });

  it('ignores updates after finish and finishes once', () => {
    const { chunks, stream } = recorder(false);
    const bar = new ProgressBar({ stream, label: 'v' });
    bar.finish('cancelled');
    bar.finish();
    bar.update({ done: 1, total: 1 });
    expect(chunks).toEqual(['v: cancelled (0:00)\n']);
  });
});
