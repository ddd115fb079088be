import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedProvider } from '../../../main/llm/embedded/embedded-provider.js';
import { LlamaRuntime } from '../../../main/llm/embedded/llama-runtime.js';
import { LlmRequestError } from '../../../main/llm/llm-error.js';
import { EndpointGates } from '../../../main/llm/openai/endpoint-gates.js';
import { OpenAiProvider, type OpenAiProviderOptions } from '../../../main/llm/openai/openai-provider.js';
import { DEFAULT_SAMPLING, type ChatMessage } from '../../../main/llm/types.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const tmp = tempDataDir('vcheck-openai-');
const runtime = new LlamaRuntime({ gpu: false, threads: 1 });
let embedded: EmbeddedProvider;
let server: OpenAiTestServer;
const messages: readonly ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'What does the following piece of code generate? <svg/>' },
];
const greedy = { ...DEFAULT_SAMPLING, temperature: 0, maxTokens: 16, seed: 1 };
const fastRetry = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };
const provider = (options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider =>
  new OpenAiProvider({
    baseUrl: server.url,
    model: 'tiny',
    retry: fastRetry,
    timeoutMs: 5_000,
    contextLength: 4096,
    ...options,
  });
const failureOf = async (p: Promise<unknown>): Promise<LlmRequestError> => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmRequestError);
  return error as LlmRequestError;
};

beforeAll(async () => {
  embedded = new EmbeddedProvider(runtime, { modelPath: writeTinyLlama(tmp.dir), contextSize: 256 });
  server = await startOpenAiServer(embedded, { modelName: 'tiny' });
});
beforeEach(() => {
  server.faults.length = 0;
});
afterAll(async () => {
  await server.close();
  await runtime.dispose();
  tmp.cleanup();
});

describe('OpenAI-compatible provider against a real loopback server', () => {
  it.each([true, false])(
    'gives the same greedy answer as the model in-process (stream: %s)',
    async (stream) => {
      const direct = await embedded.chat(messages, greedy);
      const result = await provider({ stream }).chat(messages, greedy);
      expect(result.text).toBe(direct.text);
      expect(result.promptTokens).toBe(direct.promptTokens);
      expect(result.completionTokens).toBe(direct.completionTokens);
      expect(result.finishReason).toBe(direct.finishReason);
      expect(result.params).toEqual(greedy);
      expect(result.attempts).toHaveLength(1);
      expect(result.warnings).toEqual([]);
      if (stream && direct.text !== '') expect(result.timings.ttftMs).not.toBeNull();
      const sent = server.stats.bodies.at(-1);
      expect(sent).toMatchObject({ model: 'tiny', temperature: 0, max_tokens: 16, seed: 1, stream });
    },
  );

  it('lists the server’s models and reports the model version', async () => {
    expect(await provider().listModels()).toEqual(['tiny']);
    expect(await provider().describe()).toEqual({
      provider: 'openai',
      endpoint: server.url,
      model: 'tiny',
      version: 'test@1700000000',
    });
  });

  it('retries 500s and records every attempt', async () => {
    server.faults.push({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const result = await provider().chat(messages, greedy);
    expect(result.attempts.map((a) => [a.outcome, a.status])).toEqual([
      ['error', 500],
      ['error', 503],
      ['ok', undefined],
    ]);
  });

  it('honours Retry-After on 429', async () => {
    server.faults.push({ kind: 'status', status: 429, retryAfter: '1' });
    const started = performance.now();
    const result = await provider().chat(messages, greedy);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.attempts[0]).toMatchObject({ outcome: 'error', status: 429 });
  });

  it.each([
    ['slow first byte', { kind: 'slow-first-byte', delayMs: 3_000 }, 'timed out'],
    ['connection reset mid-stream', { kind: 'reset-mid-stream' }, 'network error'],
    ['malformed JSON', { kind: 'malformed-json' }, 'malformed JSON'],
    ['wrong content type', { kind: 'wrong-content-type' }, 'content type "text/html"'],
  ] as const)('recovers from a %s and records it', async (_name, fault, message) => {
    server.faults.push(fault);
    const result = await provider({
      timeoutMs: 2_000,
      stream: fault.kind === 'reset-mid-stream' ? true : undefined,
    }).chat(messages, greedy);
    expect(result.attempts.map((a) => a.error ?? 'ok')).toEqual([expect.stringContaining(message), 'ok']);
    expect(result.attempts[1]?.outcome).toBe('ok');
  });

  it('gives up after the bounded number of attempts with all of them recorded', async () => {
    server.faults.push(...Array.from({ length: 4 }, () => ({ kind: 'status', status: 502 }) as const));
    const error = await failureOf(provider().chat(messages, greedy));
    expect(error.attempts).toHaveLength(4);
    expect(error.attempts.every((a) => a.status === 502)).toBe(true);
    expect(error.message).toContain('after 4 attempts');
  });

  it('does not retry a request the server refuses (400)', async () => {
    server.faults.push({ kind: 'status', status: 400 });
    const error = await failureOf(provider().chat(messages, greedy));
    expect(error.attempts).toHaveLength(1);
  });

  it('stops waiting when cancelled', async () => {
    server.faults.push({ kind: 'slow-first-byte', delayMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by test')), 100);
    const started = performance.now();
    await expect(provider().chat(messages, greedy, controller.signal)).rejects.toThrow('cancelled by test');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('bounds the requests in flight per endpoint', async () => {
    const gates = new EndpointGates(1);
    const slow = await startOpenAiServer(embedded, { modelName: 'tiny', answerDelayMs: 50 });
    try {
      const results = await new OpenAiProvider({
        baseUrl: `${slow.url}/v1/`,
        model: 'tiny',
        gates,
        contextLength: 4096,
      }).sample(messages, { ...greedy, temperature: 1 }, 3);
      expect(results).toHaveLength(3);
      expect(new Set(results.map((r) => r.params.seed)).size).toBe(3);
      expect(slow.stats.maxInFlight).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('warns when the prompt may exceed the server’s context (Ollama num_ctx)', async () => {
    const ollama = await startOpenAiServer(embedded, { modelName: 'tiny', ollamaNumCtx: 32 });
    try {
      const result = await new OpenAiProvider({ baseUrl: ollama.url, model: 'tiny' }).chat(messages, greedy);
      expect(result.warnings.join(' ')).toContain('context of 32 tokens');
    } finally {
      await ollama.close();
    }
  });
});
