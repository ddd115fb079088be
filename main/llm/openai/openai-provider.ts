/**
 * The OpenAI-compatible HTTP provider (Ollama, llama.cpp llama-server, vLLM, LM Studio, hosted
 * APIs): retries with backoff and jitter, bounded concurrency per endpoint, every attempt recorded.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LlmRequestError } from '../llm-error.js';
import { deriveSeeds } from '../seeds.js';
import {
  timingsOf,
  type Attempt,
  type ChatMessage,
  type ChatResult,
  type LlmProvider,
  type ModelIdentity,
  type SamplingParams,
} from '../types.js';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './backoff.js';
import { AttemptFailure, chatAttempt, type AttemptOutput } from './chat-attempt.js';
import { EndpointGates } from './endpoint-gates.js';
import {
  estimatePromptTokens,
  listServerModels,
  serverContextLength,
  serverModelVersion,
  serverRoot,
} from './server-info.js';

/** Options of {@link OpenAiProvider}. */
export interface OpenAiProviderOptions {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  /** Stream the answer (SSE); default true: it gives time to first token and detects stalls. */
  readonly stream?: boolean;
  /** Idle timeout: waiting for the response and between stream chunks. Default 120 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Shared between providers of one engine, so the bound is per endpoint. */
  readonly gates?: EndpointGates;
  /** Requests in flight to this endpoint at most (used when its gate is created). */
  readonly concurrency?: number;
  /** The server's context, when known from configuration; else asked of the server (Ollama). */
  readonly contextLength?: number;
  /** Jitter source; tests pass a fixed one. */
  readonly random?: () => number;
}

/** A model behind an OpenAI-compatible endpoint. */
/** Statuses that reject this request's content (too long, malformed) rather than the server or the key. */
const REJECTED_STATUSES = new Set([400, 413, 422]);

export class OpenAiProvider implements LlmProvider {
  readonly id = 'openai';
  private readonly root: string;
  private readonly policy: RetryPolicy;
  private readonly gates: EndpointGates;
  private context: Promise<number | null> | null = null;

  /** Creates the provider; nothing is sent until first use. */
  constructor(private readonly options: OpenAiProviderOptions) {
    this.root = serverRoot(options.baseUrl);
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.gates = options.gates ?? new EndpointGates();
  }

  private get headers(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  /** The ids of the models the server lists (GET /v1/models). */
  async listModels(): Promise<readonly string[]> {
    return (await listServerModels(this.root, this.headers)).map((m) => m.id);
  }

  /** Endpoint, model name and the version the server reports. */
  async describe(): Promise<ModelIdentity> {
    const version = await serverModelVersion(this.root, this.options.model, this.headers);
    return { provider: 'openai', endpoint: this.root, model: this.options.model, version };
  }

  /** One response, retried as the policy allows. */
  async chat(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    signal?: AbortSignal,
  ): Promise<ChatResult> {
    const warnings = await this.contextWarnings(messages, params);
    const attempts: Attempt[] = [];
    for (let n = 1; ; n++) {
      const startedAt = new Date().toISOString();
      const start = performance.now();
      try {
        const output = await this.gates.run(
          this.root,
          () => this.attempt(messages, params, signal),
          signal,
          this.options.concurrency,
        );
        const end = performance.now();
        attempts.push({ attempt: n, startedAt, ms: end - start, outcome: 'ok' });
        return this.result(output, params, attempts, warnings, start, end);
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        attempts.push({
          attempt: n,
          startedAt,
          ms: performance.now() - start,
          outcome: 'error',
          error: error.message,
          ...(error.status !== undefined ? { status: error.status } : {}),
        });
        if (!error.retryable || n >= this.policy.maxAttempts) {
          throw new LlmRequestError(
            `${this.root}: ${error.message} (after ${n} attempt${n > 1 ? 's' : ''})`,
            attempts,
            REJECTED_STATUSES.has(error.status ?? 0),
          );
        }
        await sleep(
          retryDelay(this.policy, n, error.retryAfterMs, (this.options.random ?? Math.random)()),
          undefined,
          signal ? { signal } : {},
        );
      }
    }
  }

  /** n samples of one prompt as n requests (the endpoint gate bounds how many run at once). */
  sample(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    n: number,
    signal?: AbortSignal,
  ): Promise<readonly ChatResult[]> {
    return Promise.all(
      deriveSeeds(params.seed, n).map((seed) => this.chat(messages, { ...params, seed }, signal)),
    );
  }

  /** Nothing held open between requests. */
  async close(): Promise<void> {}

  private attempt(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    signal?: AbortSignal,
  ): Promise<AttemptOutput> {
    const stream = this.options.stream ?? true;
    const body = {
      model: this.options.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      temperature: params.temperature,
      top_p: params.topP,
      ...(params.topK !== null ? { top_k: params.topK } : {}),
      max_tokens: params.maxTokens,
      seed: params.seed,
      ...(params.stop.length > 0 ? { stop: params.stop } : {}),
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    };
    const url = `${this.root}/v1/chat/completions`;
    return chatAttempt(
      { url, headers: this.headers, body, stream, timeoutMs: this.options.timeoutMs ?? 120_000 },
      signal,
    );
  }

  private result(
    output: AttemptOutput,
    params: SamplingParams,
    attempts: readonly Attempt[],
    warnings: readonly string[],
    start: number,
    end: number,
  ): ChatResult {
    const completionTokens = output.completionTokens ?? 0;
    const extra = output.promptTokens === null ? ['the server reported no token usage'] : [];
    return {
      text: output.text,
      finishReason: output.finishReason,
      promptTokens: output.promptTokens ?? 0,
      completionTokens,
      timings: timingsOf(start, output.firstTokenAt, end, completionTokens),
      params,
      attempts,
      warnings: [...warnings, ...extra],
    };
  }

  private async contextWarnings(messages: readonly ChatMessage[], params: SamplingParams): Promise<string[]> {
    this.context ??=
      this.options.contextLength !== undefined
        ? Promise.resolve(this.options.contextLength)
        : serverContextLength(this.root, this.options.model, this.headers);
    const context = await this.context;
    if (context === null) return [];
    const prompt = estimatePromptTokens(messages.map((m) => m.content));
    if (prompt + params.maxTokens <= context) return [];
    return [
      `the prompt (~${prompt} tokens) plus max ${params.maxTokens} new tokens may exceed the server's context of ${context} tokens; servers such as Ollama truncate silently`,
    ];
  }
}
