import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from '../../../main/llm/openai/backoff.js';
import { sseData } from '../../../main/llm/openai/sse.js';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 3_000 };

describe('retry backoff', () => {
  it('doubles per attempt up to the cap, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('prefers Retry-After (seconds or HTTP date), capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(retryDelay(policy, 1, 2_000, 0.5)).toBe(2_000);
    expect(retryDelay(policy, 1, 60_000, 0.5)).toBe(3_000);
    expect(retryDelay(policy, 2, null, 0)).toBe(100);
  });

  it('retries 408, 409, 429 and 5xx only', () => {
    expect([400, 401, 404, 408, 409, 429, 500, 503].filter(isRetryableStatus)).toEqual([
      408, 409, 429, 500, 503,
    ]);
  });
});

describe('server-sent events', () => {
  async function collect(chunks: string[]): Promise<string[]> {
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const c of chunks) yield new TextEncoder().encode(c);
    }
    const out: string[] = [];
    for await (const d of sseData(source())) out.push(d);
    return out;
  }

  it('reassembles events split across chunks, CRLF and multi-line data; skips comments', async () => {
    expect(
      await collect(['data: {"a"', ':1}\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\n', 'data: [DONE]\n\n']),
    ).toEqual(['{"a":1}', 'x\ny', '[DONE]']);
  });
});
