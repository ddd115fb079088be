/** Numbers for people: rates, durations, sizes. */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate } from '../../../../renderer/components/format.js';

describe('formatting', () => {
  it('formats durations as seconds, minutes or hours', () => {
    expect(formatDuration(4.6)).toBe('5s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(7800)).toBe('2h 10m');
    expect(formatDuration(-3)).toBe('0s');
  });

  it('keeps two significant-ish digits for rates', () => {
    expect(formatRate(0.254)).toBe('0.25/s');
    expect(formatRate(12.34)).toBe('12.3/s');
    expect(formatRate(250.4)).toBe('250/s');
  });

  it('formats byte counts in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
  });
});
