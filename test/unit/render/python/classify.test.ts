import { describe, expect, it } from 'vitest';
import { classifyEnd } from '../../../../main/render/python/classify.js';

const dir = { jobDirHost: '/nonexistent' };

describe('python job classification', () => {
  it('maps deadlines and CPU limits to timeout', () => {
    expect(classifyEnd({ ...dir, timedOut: true }, 100)?.status).toBe('timeout');
    expect(classifyEnd({ ...dir, timedOut: false, signal: 24 }, 100)?.status).toBe('timeout');
  });

  it('maps file-size and kill signals to resource_limit', () => {
    expect(classifyEnd({ ...dir, timedOut: false, signal: 25 }, 100)?.status).toBe('resource_limit');
    expect(classifyEnd({ ...dir, timedOut: false, signal: 9 }, 100)?.status).toBe('resource_limit');
  });

  it('leaves a normal exit to result.json', () => {
    expect(classifyEnd({ ...dir, timedOut: false, exitCode: 0 }, 100)).toBeUndefined();
  });
});
