import { describe, expect, it } from 'vitest';
import {
  bootstrapMeans,
  meanWithInterval,
  quantileSorted,
} from '../../../../main/metrics/aggregate/bootstrap.js';
import { pythonJson } from '../../../fixtures/npy/python-reference.js';

describe('bootstrap confidence intervals', () => {
  const values = Array.from({ length: 40 }, (_, i) => ((i * 37) % 101) / 1.01);

  it('interval ends are numpy percentiles of the bootstrap means (linear interpolation)', () => {
    const result = meanWithInterval(values, { resamples: 500, seed: 4, level: 0.9 });
    const means = Array.from(bootstrapMeans(values, 500, 4));
    const [low, high, mean, std] = pythonJson<number[]>(
      'import sys, json, numpy as np; m = np.array(json.loads(sys.argv[1])); v = np.array(json.loads(sys.argv[2]));' +
        ' print(json.dumps([np.percentile(m, 5), np.percentile(m, 95), v.mean(), v.std(ddof=1)]))',
      [JSON.stringify(means), JSON.stringify(values)],
    );
    expect(result.low).toBeCloseTo(low!, 12);
    expect(result.high).toBeCloseTo(high!, 12);
    expect(result.mean).toBeCloseTo(mean!, 12);
    expect(result.std).toBeCloseTo(std!, 12);
    expect(result.low).toBeLessThan(result.mean);
    expect(result.high).toBeGreaterThan(result.mean);
  });

  it('is reproducible for a seed, differs across seeds, and narrows with more data', () => {
    const a = meanWithInterval(values, { seed: 1 });
    expect(meanWithInterval(values, { seed: 1 })).toEqual(a);
    expect(meanWithInterval(values, { seed: 2 }).low).not.toBe(a.low);
    const more = meanWithInterval([...values, ...values, ...values, ...values], { seed: 1 });
    expect(more.high - more.low).toBeLessThan(a.high - a.low);
  });

  it('constant scores give a zero-width interval; tiny N warns', () => {
    const constant = meanWithInterval([70, 70, 70]);
    expect([constant.low, constant.mean, constant.high]).toEqual([70, 70, 70]);
    expect(constant.warnings[0]).toMatch(/small N: .* over 3 values/);
    expect(() => meanWithInterval([])).toThrow(/no values/);
  });

  it('quantiles interpolate linearly between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10, 20], 0.25)).toBe(12.5);
  });
});
