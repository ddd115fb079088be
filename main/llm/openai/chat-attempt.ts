/**
 * One attempt of a chat-completions request, streaming or not, with an idle timeout (waiting for
 * the response, and between stream chunks). Every way it can fail becomes an AttemptFailure that
 * says whether retrying may help.
 */
import type { FinishReason } from '../types.js';
import { isRetryableStatus, parseRetryAfter } from './backoff.js';
import { sseData } from './sse.js';

/** A failed attempt. */
export class AttemptFailure extends Error {
  /** Creates the failure. */
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'AttemptFailure';
  }
}

/** What a successful attempt produced. */
export interface AttemptOutput {
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly firstTokenAt: number | null;
}

/** The request of one attempt. */
export interface AttemptRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
  readonly stream: boolean;
  readonly timeoutMs: number;
}

interface CompletionChoice {
  readonly message?: { readonly content?: string | null };
  readonly delta?: { readonly content?: string | null };
  readonly finish_reason?: string | null;
}
interface CompletionPayload {
  readonly choices?: readonly CompletionChoice[];
  readonly usage?: { readonly prompt_tokens?: number; readonly completion_tokens?: number } | null;
}

const finishReasonOf = (r: string | null | undefined): FinishReason =>
  r === 'stop' ? 'stop' : r === 'length' ? 'length' : 'other';

function parsePayload(text: string): CompletionPayload {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) return value as CompletionPayload;
  } catch {
    // reported below
  }
  throw new AttemptFailure(`malformed JSON from the server: ${text.slice(0, 80)}`, true);
}

/** Body chunks, each of which re-arms the idle timer. */
async function* watched(body: AsyncIterable<Uint8Array>, rearm: () => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    rearm();
    yield chunk;
  }
}

async function readJson(chunks: AsyncIterable<Uint8Array>): Promise<AttemptOutput> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  const payload = parsePayload(Buffer.concat(parts).toString('utf8'));
  const choice = payload.choices?.[0];
  if (!choice) throw new AttemptFailure('the server answered without choices', true);
  return {
    text: choice.message?.content ?? '',
    finishReason: finishReasonOf(choice.finish_reason),
    promptTokens: payload.usage?.prompt_tokens ?? null,
    completionTokens: payload.usage?.completion_tokens ?? null,
    firstTokenAt: null,
  };
}

async function readStream(chunks: AsyncIterable<Uint8Array>): Promise<AttemptOutput> {
  let text = '';
  let finish: string | null = null;
  let usage: CompletionPayload['usage'] = null;
  let firstTokenAt: number | null = null;
  let done = false;
  for await (const data of sseData(chunks)) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    const payload = parsePayload(data);
    const choice = payload.choices?.[0];
    const delta = choice?.delta?.content ?? '';
    if (delta !== '' && firstTokenAt === null) firstTokenAt = performance.now();
    text += delta;
    finish = choice?.finish_reason ?? finish;
    usage = payload.usage ?? usage;
  }
  if (!done && finish === null) throw new AttemptFailure('the stream ended before the answer did', true);
  return {
    text,
    finishReason: finishReasonOf(finish),
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    firstTokenAt,
  };
}

async function failureOf(response: Response): Promise<AttemptFailure> {
  const detail = (await response.text().catch(() => '')).slice(0, 200);
  return new AttemptFailure(
    `HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
    isRetryableStatus(response.status),
    response.status,
    parseRetryAfter(response.headers.get('retry-after')),
  );
}

async function readResponse(response: Response, stream: boolean, rearm: () => void): Promise<AttemptOutput> {
  if (!response.ok) throw await failureOf(response);
  const type = response.headers.get('content-type') ?? '';
  const body = watched((response.body ?? []) as unknown as AsyncIterable<Uint8Array>, rearm);
  if (type.includes('text/event-stream')) return readStream(body);
  if (type.includes('application/json')) return readJson(body);
  await response.body?.cancel().catch(() => undefined);
  throw new AttemptFailure(
    `unexpected content type "${type}" (wanted ${stream ? 'text/event-stream' : 'JSON'})`,
    true,
  );
}

/** Makes one attempt; aborts of `signal` propagate as its reason, everything else as AttemptFailure. */
export async function chatAttempt(request: AttemptRequest, signal?: AbortSignal): Promise<AttemptOutput> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new AttemptFailure(`no data for ${request.timeoutMs} ms (timed out)`, true);
  const rearm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(timeout), request.timeoutMs);
  };
  try {
    rearm();
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    return await readResponse(response, request.stream, rearm);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (controller.signal.aborted) throw timeout;
    if (error instanceof AttemptFailure) throw error;
    const cause = (error as Error & { cause?: Error }).cause;
    throw new AttemptFailure(
      `network error: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`,
      true,
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (!controller.signal.aborted) controller.abort();
  }
}
