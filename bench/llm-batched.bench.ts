/**
 * LLM benchmark. (1) Batched sampling — n samples of one prompt as n sequences of one context —
 * against the baseline of the same n samples one at a time, in tokens/s. (2) The overhead of the
 * OpenAI-compatible HTTP provider (loopback server, streaming and not) against calling the same
 * model in-process. Same process, same model, same prompt.
 *
 * Run: npx tsx bench/llm-batched.bench.ts
 * Env: VCHECK_BENCH_MODEL=path.gguf (default: the tiny generated test model), VCHECK_THREADS
 * (default 1), VCHECK_BENCH_GPU=auto (default: CPU), VCHECK_BENCH_N (default 8).
 */
import path from 'node:path';
import { EmbeddedProvider } from '../main/llm/embedded/embedded-provider.js';
import { LlamaRuntime } from '../main/llm/embedded/llama-runtime.js';
import { OpenAiProvider } from '../main/llm/openai/openai-provider.js';
import { deriveSeeds } from '../main/llm/seeds.js';
import { DEFAULT_SAMPLING, type ChatMessage, type ChatResult } from '../main/llm/types.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';
import { writeTinyLlama } from '../test/fixtures/gguf/tiny-llama.js';
import { startOpenAiServer } from '../test/fixtures/openai-server.js';

const N = Number(process.env['VCHECK_BENCH_N'] ?? 8);
const REPEATS = 10;
const messages: readonly ChatMessage[] = [
  { role: 'user', content: 'write code in the programming language Python matplotlib that draws a cat' },
];
const sampling = { ...DEFAULT_SAMPLING, temperature: 1, maxTokens: 96, seed: 1 };

const tokens = (results: readonly ChatResult[]): number =>
  results.reduce((n, r) => n + r.completionTokens, 0);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function batchedVsSequential(provider: EmbeddedProvider): Promise<string[]> {
  await provider.sample(messages, { ...sampling, maxTokens: 4 }, N); // warm-up
  const batched = await timed(() => provider.sample(messages, sampling, N));
  const sequential = await timed(async () => {
    const out: ChatResult[] = [];
    for (const seed of deriveSeeds(sampling.seed, N))
      out.push(await provider.chat(messages, { ...sampling, seed }));
    return out;
  });
  const rate = (t: { value: readonly ChatResult[]; ms: number }): number => (tokens(t.value) * 1000) / t.ms;
  return [
    `| one at a time (baseline), ${N} samples | ${tokens(sequential.value)} tokens in ${sequential.ms.toFixed(0)} ms | ${rate(sequential).toFixed(0)} tok/s | 1.00 |`,
    `| batched: ${N} sequences in one context | ${tokens(batched.value)} tokens in ${batched.ms.toFixed(0)} ms | ${rate(batched).toFixed(0)} tok/s | ${(rate(batched) / rate(sequential)).toFixed(2)} |`,
  ];
}

/** Mean wall time of each call, measured round-robin so that load drifts hit all of them alike. */
async function interleavedMeans(
  calls: ReadonlyArray<() => Promise<ChatResult>>,
): Promise<Array<{ ms: number; tokens: number }>> {
  for (const call of calls) await call(); // warm-up
  const sums = calls.map(() => ({ ms: 0, tokens: 0 }));
  for (let i = 0; i < REPEATS; i++) {
    for (const [k, call] of calls.entries()) {
      const t = await timed(call);
      const sum = sums[k];
      if (!sum) continue;
      sum.ms += t.ms;
      sum.tokens += t.value.completionTokens;
    }
  }
  return sums.map((s) => ({ ms: s.ms / REPEATS, tokens: s.tokens / REPEATS }));
}

async function embeddedVsHttp(provider: EmbeddedProvider): Promise<string[]> {
  const server = await startOpenAiServer(provider, { modelName: 'bench' });
  try {
    const greedy = { ...sampling, temperature: 0 };
    const http = (stream: boolean) =>
      new OpenAiProvider({ baseUrl: server.url, model: 'bench', stream, contextLength: 1 << 20 });
    const [plain, streaming] = [http(false), http(true)];
    const [base, t1, t2] = await interleavedMeans([
      () => provider.chat(messages, greedy),
      () => plain.chat(messages, greedy),
      () => streaming.chat(messages, greedy),
    ]);
    const row = (label: string, t: { ms: number; tokens: number } | undefined): string =>
      `| ${label} | ${t?.tokens.toFixed(0)} tokens | ${t?.ms.toFixed(1)} ms | ${((t?.ms ?? 0) / (base?.ms ?? 1)).toFixed(2)} |`;
    return [
      row('embedded, in-process (baseline)', base),
      row('HTTP loopback, not streaming', t1),
      row('HTTP loopback, streaming (SSE)', t2),
    ];
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const tmp = tempDataDir('vcheck-bench-llm-');
  const modelPath = process.env['VCHECK_BENCH_MODEL'] ?? writeTinyLlama(tmp.dir);
  const threads = Number(process.env['VCHECK_THREADS'] ?? 1);
  const runtime = new LlamaRuntime({
    gpu: process.env['VCHECK_BENCH_GPU'] === 'auto' ? 'auto' : false,
    threads,
  });
  const provider = new EmbeddedProvider(runtime, { modelPath, contextSize: 512 });
  try {
    console.log(
      `model ${path.basename(modelPath)}, backend ${await runtime.backend()}, ${threads} thread(s)\n`,
    );
    console.log('| sampling | tokens | throughput | ratio |');
    console.log('|---|---|---|---|');
    (await batchedVsSequential(provider)).forEach((row) => console.log(row));
    console.log('\n| provider (greedy, same prompt) | completion | mean wall time | ratio |');
    console.log('|---|---|---|---|');
    (await embeddedVsHttp(provider)).forEach((row) => console.log(row));
  } finally {
    await runtime.dispose();
    tmp.cleanup();
  }
}

await main();
