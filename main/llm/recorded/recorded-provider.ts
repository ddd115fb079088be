/**
 * The recorded provider: replays answers recorded earlier instead of asking a model, so a run can be
 * reproduced (and tested) without one. The key is the last user message, trimmed.
 *
 * Which answer comes back is a pure function of the request:
 * - `sample(n)` returns the prompt's recorded answers in file order, cycling (sample i gets answer
 *   i mod count), so a recording with k answers per prompt yields those k drawings;
 * - `chat()` returns answer `params.seed mod count` (the response cache asks one repeat at a time
 *   with its derived seed when some repeats of a prompt are cached already).
 * A prompt with no recorded answer fails the call, like a model that cannot answer.
 */
import { deriveSeed } from '../seeds.js';
import {
  timingsOf,
  type ChatMessage,
  type ChatResult,
  type LlmProvider,
  type ModelIdentity,
  type SamplingParams,
} from '../types.js';
import { readRecording, type Recording } from './recording.js';

/** Rough token count of a text (4 characters a token), for the usual result fields. */
function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Answers replayed from a recording. */
export class RecordedProvider implements LlmProvider {
  readonly id = 'recorded';
  private recording: Recording | null = null;

  /** Creates the provider; the recording is read on first use. */
  constructor(private readonly file: string) {}

  /** The recording's path and hash. */
  async describe(): Promise<ModelIdentity> {
    await Promise.resolve();
    const { file, sha256 } = this.load();
    return { provider: 'recorded', file, sha256 };
  }

  /** The recorded answer at `params.seed` mod the number of answers of the prompt. */
  async chat(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    signal?: AbortSignal,
  ): Promise<ChatResult> {
    await Promise.resolve();
    signal?.throwIfAborted();
    const answers = this.answersOf(messages);
    return this.result(messages, answers[params.seed % answers.length] ?? '', params);
  }

  /** The prompt's recorded answers in file order, cycling; sample i carries its derived seed. */
  async sample(
    messages: readonly ChatMessage[],
    params: SamplingParams,
    n: number,
    signal?: AbortSignal,
  ): Promise<readonly ChatResult[]> {
    await Promise.resolve();
    signal?.throwIfAborted();
    const answers = this.answersOf(messages);
    return Array.from({ length: n }, (_, i) =>
      this.result(messages, answers[i % answers.length] ?? '', {
        ...params,
        seed: deriveSeed(params.seed, i),
      }),
    );
  }

  /** Nothing to release. */
  async close(): Promise<void> {}

  private load(): Recording {
    this.recording ??= readRecording(this.file);
    return this.recording;
  }

  private answersOf(messages: readonly ChatMessage[]): ReadonlyArray<string> {
    const prompt =
      [...messages]
        .reverse()
        .find((m) => m.role === 'user')
        ?.content.trim() ?? '';
    const answers = this.load().answers.get(prompt);
    if (!answers?.length) {
      const shown = prompt.length > 120 ? `${prompt.slice(0, 120)}…` : prompt;
      throw new Error(`no recorded answer for this prompt: ${shown}`);
    }
    return answers;
  }

  private result(messages: readonly ChatMessage[], text: string, params: SamplingParams): ChatResult {
    const now = performance.now();
    return {
      text,
      finishReason: 'stop',
      promptTokens: tokensOf(messages.map((m) => m.content).join('\n')),
      completionTokens: tokensOf(text),
      timings: timingsOf(now, now, now, tokensOf(text)),
      params,
      attempts: [{ attempt: 1, startedAt: new Date().toISOString(), ms: 0, outcome: 'ok' }],
      warnings: [],
    };
  }
}
