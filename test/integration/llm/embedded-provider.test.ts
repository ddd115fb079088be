import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedProvider } from '../../../main/llm/embedded/embedded-provider.js';
import { LlamaRuntime, resolveThreads } from '../../../main/llm/embedded/llama-runtime.js';
import { deriveSeeds } from '../../../main/llm/seeds.js';
import { DEFAULT_SAMPLING, type ChatMessage } from '../../../main/llm/types.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';

const tmp = tempDataDir('vcheck-embedded-');
const runtime = new LlamaRuntime({ gpu: false, threads: 1 });
let modelPath = '';
let provider: EmbeddedProvider;
const messages: readonly ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'write code in the programming language SVG that draws a cat' },
];

beforeAll(() => {
  modelPath = writeTinyLlama(tmp.dir);
  provider = new EmbeddedProvider(runtime, { modelPath, contextSize: 256 });
});
afterAll(async () => {
  await runtime.dispose();
  tmp.cleanup();
});

describe('embedded provider (node-llama-cpp on a generated GGUF)', () => {
  it('identifies the model by its file sha256', async () => {
    const identity = await provider.describe();
    expect(identity).toEqual({
      provider: 'embedded',
      model: 'tiny.gguf',
      fileSha256: createHash('sha256').update(readFileSync(modelPath)).digest('hex'),
    });
  });

  it('answers with token counts, timings and the exact parameters', async () => {
    const params = { ...DEFAULT_SAMPLING, maxTokens: 12, seed: 3 };
    const result = await provider.chat(messages, params);
    const model = await runtime.model(modelPath);
    // The prompt is at least its raw text in bytes (byte-fallback vocabulary) plus template tokens.
    const rawBytes = messages.reduce((n, m) => n + model.tokenize(m.content).length, 0);
    expect(result.promptTokens).toBeGreaterThan(rawBytes);
    expect(result.completionTokens).toBeGreaterThanOrEqual(1);
    expect(result.completionTokens).toBeLessThanOrEqual(12);
    expect(['stop', 'length']).toContain(result.finishReason);
    if (result.finishReason === 'length') expect(result.completionTokens).toBe(12);
    expect(result.params).toEqual(params);
    expect(result.timings.totalMs).toBeGreaterThan(0);
    expect(result.attempts).toHaveLength(1);
    expect(await runtime.backend()).toBe('cpu');
  });

  it('is deterministic at temperature 0', async () => {
    const params = { ...DEFAULT_SAMPLING, temperature: 0, maxTokens: 24, seed: 1 };
    const a = await provider.chat(messages, params);
    const b = await provider.chat(messages, { ...params, seed: 99 });
    expect(b.text).toBe(a.text);
    expect(b.completionTokens).toBe(a.completionTokens);
  });

  it('samples n results in one batched context, each with its own derived seed', async () => {
    const params = { ...DEFAULT_SAMPLING, temperature: 1, maxTokens: 16, seed: 5 };
    const results = await provider.sample(messages, params, 4);
    expect(results).toHaveLength(4);
    expect(results.map((r) => r.params.seed)).toEqual(deriveSeeds(5, 4));
    for (const r of results) expect(r.promptTokens).toBe(results[0]?.promptTokens);
    // The same request reproduces the same samples.
    const again = await provider.sample(messages, params, 4);
    expect(again.map((r) => r.text)).toEqual(results.map((r) => r.text));
  });

  it('splits a large sample into batches of at most maxSequences', async () => {
    const small = new EmbeddedProvider(runtime, { modelPath, contextSize: 128, maxSequences: 2 });
    const results = await small.sample(messages, { ...DEFAULT_SAMPLING, maxTokens: 4, seed: 9 }, 5);
    expect(results.map((r) => r.params.seed)).toEqual(deriveSeeds(9, 5));
  });

  it('stops promptly when cancelled', async () => {
    const params = { ...DEFAULT_SAMPLING, temperature: 1, maxTokens: 5_000, seed: 2 };
    await provider.chat(messages, { ...params, maxTokens: 1 }); // model loaded: time only the generation
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('cancelled by test')), 5);
    await expect(provider.chat(messages, params, controller.signal)).rejects.toThrow('cancelled by test');
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(provider.chat(messages, params, AbortSignal.abort(new Error('already')))).rejects.toThrow(
      'already',
    );
  });

  it('refuses a prompt longer than the context and warns when the answer may not fit', async () => {
    const long = [{ role: 'user' as const, content: 'x'.repeat(400) }];
    await expect(provider.chat(long, DEFAULT_SAMPLING)).rejects.toThrow(
      'does not fit the context (256 tokens)',
    );
    const tight = await provider.chat(messages, { ...DEFAULT_SAMPLING, maxTokens: 250 });
    expect(tight.warnings.join(' ')).toContain('may be cut short');
    expect(tight.promptTokens + tight.completionTokens).toBeLessThanOrEqual(256);
  });

  it('takes its thread count from the option, else VCHECK_THREADS', () => {
    expect(resolveThreads(3, { VCHECK_THREADS: '2' })).toBe(3);
    expect(resolveThreads(undefined, { VCHECK_THREADS: '2' })).toBe(2);
    expect(resolveThreads(undefined, {})).toBeUndefined();
  });
});
