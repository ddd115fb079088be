/**
 * Asking a run's model: n samples of one rendered prompt through the response cache (answers an
 * earlier attempt got are reused, not asked again), each turned into the `generations` row it
 * commits with. A provider failure becomes n failed answers with the error kept; only an abort
 * propagates.
 */
import type { NewGeneration } from '../store/repos/samples-repo.js';
import { LlmRequestError } from '../llm/llm-error.js';
import { cacheKey, sampleWithCache } from '../llm/response-cache.js';
import { deriveSeed } from '../llm/seeds.js';
import type { RenderedPrompt } from '../llm/templates/prompt-template.js';
import type { ChatResult, SamplingParams } from '../llm/types.js';
import type { ExperimentContext, LaneModel } from './experiment.js';

/** Sampling settings of a run (shared/experiments.ts `samplingSchema`). */
export interface RunSampling {
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
  readonly maxTokens: number;
}

/** n samples of one prompt. */
export interface AnswerRequest {
  readonly model: LaneModel;
  readonly prompt: RenderedPrompt;
  readonly sampling: RunSampling;
  /** Base seed of the prompt; repeat i uses `deriveSeed(seed, i)`. */
  readonly seed: number;
  readonly n: number;
}

/** One answer (or its failure) with the row that records it. */
export interface Answer {
  readonly repeat: number;
  /** The derived seed of this repeat. */
  readonly seed: number;
  /** The model's text, or null when the call failed. */
  readonly text: string | null;
  /** Why `text` is null: the call failed (retried on resume) or the prompt was rejected for good. */
  readonly failure: 'error' | 'rejected' | null;
  readonly generation: NewGeneration;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

function generationOf(
  request: AnswerRequest,
  params: SamplingParams,
  repeat: number,
  result: ChatResult | null,
  cached: boolean,
  errorText: string | null,
): NewGeneration {
  const { model, prompt } = request;
  const template = { id: prompt.templateId, version: prompt.templateVersion };
  return {
    provider: model.providerName,
    modelId: model.label,
    prompt: prompt.messages.at(-1)?.content ?? '',
    messages: prompt.messages,
    rawResponse: result?.text ?? null,
    finishReason: result?.finishReason ?? null,
    promptTokens: result?.promptTokens ?? null,
    completionTokens: result?.completionTokens ?? null,
    ttftMs: result?.timings.ttftMs ?? null,
    durationMs: result?.timings.totalMs ?? null,
    params: result?.params ?? params,
    templateVersion: `${prompt.templateId}@${prompt.templateVersion}`,
    cacheKey: cacheKey({ identity: model.identity, template, messages: prompt.messages, params, repeat }).key,
    cached,
    errorText,
  };
}

/** The sample status of an answer without text: `rejected` is final, `llm_error` is asked again on resume. */
export function failedStatus(answer: Pick<Answer, 'failure'>): 'llm_error' | 'rejected' {
  return answer.failure === 'rejected' ? 'rejected' : 'llm_error';
}

/** Asks for n samples; never throws except on abort. */
export async function sampleAnswers(ctx: ExperimentContext, request: AnswerRequest): Promise<Answer[]> {
  const base: SamplingParams = { ...request.sampling, stop: [], seed: request.seed };
  const paramsOf = (repeat: number): SamplingParams => ({ ...base, seed: deriveSeed(request.seed, repeat) });
  const repeats = Array.from({ length: request.n }, (_, i) => i);
  try {
    const answers = await ctx.timed('llm', () =>
      sampleWithCache(request.model.provider, ctx.llm.cache, {
        messages: request.prompt.messages,
        params: base,
        n: request.n,
        template: { id: request.prompt.templateId, version: request.prompt.templateVersion },
        signal: ctx.signal,
      }),
    );
    return answers.map((a) => ({
      repeat: a.repeat,
      seed: paramsOf(a.repeat).seed,
      text: a.result.text,
      failure: null,
      generation: generationOf(request, paramsOf(a.repeat), a.repeat, a.result, a.cached, null),
    }));
  } catch (error) {
    if (isAbort(error, ctx.signal)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const rejected = error instanceof LlmRequestError && error.rejected;
    ctx.log(`model ${request.model.label} ${rejected ? 'rejected the prompt' : 'failed'}: ${message}`);
    return repeats.map((repeat) => ({
      repeat,
      seed: paramsOf(repeat).seed,
      text: null,
      failure: rejected ? ('rejected' as const) : ('error' as const),
      generation: generationOf(request, paramsOf(repeat), repeat, null, false, message),
    }));
  }
}
