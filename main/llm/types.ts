/** The one interface every language-model provider implements, and the values it speaks in. */

/** Who said a message. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** One chat message. */
export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

/** Sampling parameters: all of them are recorded with every response and enter the cache key. */
export interface SamplingParams {
  readonly temperature: number;
  readonly topP: number;
  /** null: not sent (OpenAI's own API has no top-k). */
  readonly topK: number | null;
  readonly maxTokens: number;
  readonly stop: readonly string[];
  readonly seed: number;
}

/** Defaults when a caller gives none: moderate sampling, room for a whole drawing program. */
export const DEFAULT_SAMPLING: SamplingParams = {
  temperature: 0.8,
  topP: 0.95,
  topK: 40,
  maxTokens: 1024,
  stop: [],
  seed: 0,
};

/** Why generation ended. */
export type FinishReason = 'stop' | 'length' | 'abort' | 'other';

/** Timings of one response. */
export interface ResponseTimings {
  /** Request start to first generated token (includes prompt evaluation); null if none came. */
  readonly ttftMs: number | null;
  readonly totalMs: number;
  /** Completion tokens over the whole wall time of the request (prompt evaluation included). */
  readonly tokensPerSecond: number;
}

/** One try of a request (HTTP providers retry; the embedded one always makes exactly one). */
export interface Attempt {
  readonly attempt: number;
  readonly startedAt: string;
  readonly ms: number;
  readonly outcome: 'ok' | 'error';
  readonly status?: number;
  readonly error?: string;
}

/** What every call returns. */
export interface ChatResult {
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly timings: ResponseTimings;
  /** Exactly the parameters used (for a sample: with its derived seed). */
  readonly params: SamplingParams;
  readonly attempts: readonly Attempt[];
  /** Things the user should know (e.g. the prompt may exceed the server's context). */
  readonly warnings: readonly string[];
}

/** What identifies the model behind a provider: part of every cache key. */
export type ModelIdentity =
  | { readonly provider: 'embedded'; readonly model: string; readonly fileSha256: string }
  | {
      readonly provider: 'openai';
      readonly endpoint: string;
      readonly model: string;
      /** What the server reports about the model (e.g. Ollama's digest), when it reports anything. */
      readonly version: string | null;
    }
  | {
      /** Answers replayed from a JSONL file or a folder of them (tests, the sample run). */
      readonly provider: 'recorded';
      readonly file: string;
      /** sha256 over the recording's files (names and contents, in name order). */
      readonly sha256: string;
    };

/** A language model: chat once, or sample one prompt n times with derived seeds. */
export interface LlmProvider {
  readonly id: string;
  describe(): Promise<ModelIdentity>;
  chat(messages: readonly ChatMessage[], params: SamplingParams, signal?: AbortSignal): Promise<ChatResult>;
  /** n samples of one prompt; sample i uses `deriveSeed(params.seed, i)`. */
  sample(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    n: number,
    signal?: AbortSignal,
  ): Promise<readonly ChatResult[]>;
  close(): Promise<void>;
}

/** Timings from a start time, a first-token time and a token count. */
export function timingsOf(
  start: number,
  firstToken: number | null,
  end: number,
  tokens: number,
): ResponseTimings {
  const totalMs = end - start;
  return {
    ttftMs: firstToken === null ? null : firstToken - start,
    totalMs,
    tokensPerSecond: totalMs > 0 ? (tokens * 1000) / totalMs : 0,
  };
}
