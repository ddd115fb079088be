/**
 * The embedded provider: a GGUF model run in-process by node-llama-cpp, with the model's own chat
 * template. n samples of one prompt decode in parallel as n sequences of one context (batched).
 */
import path from 'node:path';
import {
  resolveChatWrapper,
  type ChatWrapper,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp';
import { fileSha256 } from '../file-sha256.js';
import { deriveSeeds } from '../seeds.js';
import {
  timingsOf,
  type ChatMessage,
  type ChatResult,
  type LlmProvider,
  type ModelIdentity,
  type SamplingParams,
} from '../types.js';
import { toChatHistory } from './chat-history.js';
import { decodeChat } from './decode-chat.js';
import type { LlamaRuntime } from './llama-runtime.js';

/** Options of {@link EmbeddedProvider}. */
export interface EmbeddedProviderOptions {
  readonly modelPath: string;
  /** Known hash of the file (the model manager stores it); computed on first describe() otherwise. */
  readonly fileSha256?: string;
  /** Tokens per sequence; default: the smaller of the model's training context and 4096. */
  readonly contextSize?: number;
  /** Sequences decoded together by sample(); more samples run in further batches. Default 8. */
  readonly maxSequences?: number;
}

const DEFAULT_MAX_SEQUENCES = 8;

/** A GGUF model run in-process. */
export class EmbeddedProvider implements LlmProvider {
  readonly id = 'embedded';
  private sha256: Promise<string> | null;

  /** Creates the provider; the model loads on first use. */
  constructor(
    private readonly runtime: LlamaRuntime,
    private readonly options: EmbeddedProviderOptions,
  ) {
    this.sha256 = options.fileSha256 ? Promise.resolve(options.fileSha256) : null;
  }

  /** The model file's name and sha256. */
  async describe(): Promise<ModelIdentity> {
    this.sha256 ??= fileSha256(this.options.modelPath);
    return {
      provider: 'embedded',
      model: path.basename(this.options.modelPath),
      fileSha256: await this.sha256,
    };
  }

  /** One response. */
  async chat(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    signal?: AbortSignal,
  ): Promise<ChatResult> {
    const [result] = await this.generate(messages, [params], signal);
    if (!result) throw new Error('no result');
    return result;
  }

  /** n samples of one prompt, decoded together, each with its own derived seed. */
  sample(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    n: number,
    signal?: AbortSignal,
  ): Promise<readonly ChatResult[]> {
    return this.generate(
      messages,
      deriveSeeds(params.seed, n).map((seed) => ({ ...params, seed })),
      signal,
    );
  }

  /** The runtime is shared; nothing of its own to release. */
  async close(): Promise<void> {}

  /** Decodes in batches of at most maxSequences (the KV cache grows with every sequence). */
  private async generate(
    messages: readonly ChatMessage[],
    paramsList: readonly SamplingParams[],
    signal?: AbortSignal,
  ): Promise<ChatResult[]> {
    const size = Math.max(1, this.options.maxSequences ?? DEFAULT_MAX_SEQUENCES);
    const results: ChatResult[] = [];
    for (let i = 0; i < paramsList.length; i += size) {
      results.push(...(await this.generateBatch(messages, paramsList.slice(i, i + size), signal)));
    }
    return results;
  }

  private async generateBatch(
    messages: readonly ChatMessage[],
    paramsList: readonly SamplingParams[],
    signal?: AbortSignal,
  ): Promise<ChatResult[]> {
    signal?.throwIfAborted();
    const model = await this.runtime.model(this.options.modelPath);
    const contextSize = this.options.contextSize ?? Math.min(model.trainContextSize, 4096);
    const threads = this.runtime.threads;
    const context = await model.createContext({
      contextSize,
      sequences: paramsList.length,
      ...(threads !== undefined ? { threads } : {}),
    });
    try {
      // The model's own chat template (from its GGUF), or node-llama-cpp's best match for it.
      const wrapper = resolveChatWrapper(model);
      return await Promise.all(
        paramsList.map((params) =>
          generateOne(model, wrapper, context.getSequence(), messages, params, signal),
        ),
      );
    } finally {
      await context.dispose();
    }
  }
}

async function generateOne(
  model: LlamaModel,
  wrapper: ChatWrapper,
  sequence: LlamaContextSequence,
  messages: readonly ChatMessage[],
  params: SamplingParams,
  signal?: AbortSignal,
): Promise<ChatResult> {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const answer = await decodeChat(model, wrapper, sequence, toChatHistory(messages), params, signal);
  const end = performance.now();
  return {
    text: answer.text,
    finishReason: answer.finishReason,
    promptTokens: answer.promptTokens,
    completionTokens: answer.completionTokens,
    timings: timingsOf(start, answer.firstTokenAt, end, answer.completionTokens),
    params,
    attempts: [{ attempt: 1, startedAt, ms: end - start, outcome: 'ok' }],
    warnings: answer.warnings,
  };
}
