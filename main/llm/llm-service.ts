/**
 * The language-model module as the engine composes it: the model manager, templates, the response
 * cache and the in-process runtimes, plus the quick `ask` the CLI's `vcheck llm ask` uses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { LlmAnswer, ModelInspection } from '../../shared/llm.js';
import { LlmCacheRepo } from '../store/repos/llm-cache-repo.js';
import { LlmModelsRepo } from '../store/repos/llm-models-repo.js';
import { PromptTemplatesRepo } from '../store/repos/prompt-templates-repo.js';
import { EmbeddedProvider } from './embedded/embedded-provider.js';
import { LlamaRuntime, type GpuChoice } from './embedded/llama-runtime.js';
import { readGgufModelInfo } from './gguf/gguf-info.js';
import { ModelManager, ModelNotFound } from './models/model-manager.js';
import { modelMemory } from './models/model-summary.js';
import { EndpointGates } from './openai/endpoint-gates.js';
import { OpenAiProvider } from './openai/openai-provider.js';
import { ResponseCache } from './response-cache.js';
import { TemplateLibrary } from './templates/template-library.js';
import { DEFAULT_SAMPLING, type ChatResult, type SamplingParams } from './types.js';

function answerOf(result: ChatResult, modelPath: string, backend: string): LlmAnswer {
  const { text, finishReason, promptTokens, completionTokens, timings, params, warnings } = result;
  const attempts = result.attempts.length;
  return {
    text,
    finishReason,
    promptTokens,
    completionTokens,
    timings,
    params,
    modelPath,
    backend,
    attempts,
    warnings,
  };
}

/** A quick question to a model. */
export interface AskRequest {
  /** A model id (or id prefix) of the manager, or the path of a GGUF file. */
  readonly model: string;
  readonly prompt: string;
  readonly system?: string;
  readonly params?: Partial<SamplingParams>;
  readonly threads?: number;
  readonly contextSize?: number;
  /** Ask an OpenAI-compatible server instead; `model` is then the server's model name. */
  readonly endpoint?: { readonly baseUrl: string; readonly apiKey?: string };
}

/** The llm services of one engine. */
export class LlmService {
  readonly models: ModelManager;
  readonly templates: TemplateLibrary;
  readonly cache: ResponseCache;
  private readonly runtimes = new Map<string, LlamaRuntime>();
  /** One concurrency bound per endpoint for every HTTP provider of this engine. */
  readonly gates = new EndpointGates();

  /** Builds the services on the store's connection and data dir. */
  constructor(
    db: Database,
    dataDir: string,
    private readonly gpu: GpuChoice = 'auto',
  ) {
    this.models = new ModelManager(new LlmModelsRepo(db), dataDir);
    this.templates = new TemplateLibrary(new PromptTemplatesRepo(db));
    this.cache = new ResponseCache(new LlmCacheRepo(db));
  }

  /** The runtime for a thread count (one llama.cpp instance each, created on first use). */
  runtime(threads?: number): LlamaRuntime {
    const key = String(threads ?? 'default');
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      runtime = new LlamaRuntime({ gpu: this.gpu, ...(threads !== undefined ? { threads } : {}) });
      this.runtimes.set(key, runtime);
    }
    return runtime;
  }

  /** Header facts and memory estimate of a GGUF file, without importing it. */
  async inspect(file: string): Promise<ModelInspection> {
    const info = await readGgufModelInfo(path.resolve(file));
    return { path: path.resolve(file), info, memory: modelMemory(info) };
  }

  /** Resolves a model reference to a file (and its known hash). */
  async resolveModel(ref: string): Promise<{ readonly path: string; readonly sha256: string | null }> {
    try {
      const model = this.models.get(ref);
      if (model.status !== 'ready')
        throw new ModelNotFound(`Model ${model.id} is ${model.status}, not ready.`);
      return { path: model.path, sha256: model.sha256 };
    } catch (error) {
      if (!(error instanceof ModelNotFound) || !existsSync(ref)) throw error;
      await readGgufModelInfo(path.resolve(ref)); // a clear error for a bad file, before loading
      return { path: path.resolve(ref), sha256: null };
    }
  }

  /** Asks a model one question in-process (no cache: a quick check must really ask). */
  async ask(request: AskRequest, signal?: AbortSignal): Promise<LlmAnswer> {
    const messages = [
      ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
      { role: 'user' as const, content: request.prompt },
    ];
    const params = { ...DEFAULT_SAMPLING, ...request.params };
    if (request.endpoint) {
      const { baseUrl, apiKey } = request.endpoint;
      const provider = new OpenAiProvider({
        baseUrl,
        model: request.model,
        ...(apiKey ? { apiKey } : {}),
        gates: this.gates,
      });
      return answerOf(await provider.chat(messages, params, signal), baseUrl, 'http');
    }
    const model = await this.resolveModel(request.model);
    const runtime = this.runtime(request.threads);
    const provider = new EmbeddedProvider(runtime, {
      modelPath: model.path,
      ...(model.sha256 ? { fileSha256: model.sha256 } : {}),
      ...(request.contextSize ? { contextSize: request.contextSize } : {}),
    });
    const result = await provider.chat(messages, params, signal);
    return answerOf(result, model.path, await runtime.backend());
  }

  /** Unloads every model. */
  async close(): Promise<void> {
    const runtimes = [...this.runtimes.values()];
    this.runtimes.clear();
    await Promise.allSettled(runtimes.map((r) => r.dispose()));
  }
}
