/**
 * The response cache. Key: sha256 over the canonical JSON of provider, model identity, template
 * id + version, rendered messages, every sampling parameter (seed included) and the repeat index,
 * so repeats are separate entries and asking for 5 samples never returns one answer five times.
 */
import { createHash } from 'node:crypto';
import type { LlmCacheRepo, LlmCacheStats } from '../store/repos/llm-cache-repo.js';
import { deriveSeed } from './seeds.js';
import type { ChatMessage, ChatResult, LlmProvider, ModelIdentity, SamplingParams } from './types.js';

/** Everything a cached answer depends on. */
export interface CacheKeyParts {
  readonly identity: ModelIdentity;
  readonly template: { readonly id: string; readonly version: number } | null;
  readonly messages: readonly ChatMessage[];
  readonly params: SamplingParams;
  readonly repeat: number;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The key of one answer, and the JSON it hashes. */
export function cacheKey(parts: CacheKeyParts): { readonly key: string; readonly json: string } {
  const json = canonicalJson({
    v: 1,
    provider: parts.identity.provider,
    model: parts.identity,
    template: parts.template,
    messages: parts.messages.map((m) => ({ role: m.role, content: m.content })),
    params: parts.params,
    seed: parts.params.seed,
    repeat: parts.repeat,
  });
  return { key: createHash('sha256').update(json).digest('hex'), json };
}

/** An answer and whether it came from the cache (free: no model call). */
export interface CachedAnswer {
  readonly result: ChatResult;
  readonly cached: boolean;
  readonly repeat: number;
}

/** The cache over its SQLite table. */
export class ResponseCache {
  /** Creates the cache. */
  constructor(
    private readonly repo: LlmCacheRepo,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** The cached answer for `parts`, or null. */
  get(parts: CacheKeyParts): ChatResult | null {
    const json = this.repo.hit(cacheKey(parts).key, this.now());
    return json === undefined ? null : (JSON.parse(json) as ChatResult);
  }

  /** Stores an answer. */
  put(parts: CacheKeyParts, result: ChatResult): void {
    const { key, json } = cacheKey(parts);
    this.repo.put(key, json, JSON.stringify(result), this.now());
  }

  /** Empties the cache; returns the number of entries removed. */
  clear(): number {
    return this.repo.clear();
  }

  /** Entries and hits so far. */
  stats(): LlmCacheStats {
    return this.repo.stats();
  }
}

/** A request for n samples through the cache. */
export interface CachedSampleRequest {
  readonly messages: readonly ChatMessage[];
  readonly params: SamplingParams;
  readonly n: number;
  readonly template: CacheKeyParts['template'];
  /** Ask the model even when cached (the new answers replace the old). */
  readonly bypass?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * n samples of one prompt: cached repeats come from the cache, the rest from the provider —
 * batched when none is cached, else one call per missing repeat with its derived seed.
 */
export async function sampleWithCache(
  provider: LlmProvider,
  cache: ResponseCache,
  request: CachedSampleRequest,
): Promise<readonly CachedAnswer[]> {
  const identity = await provider.describe();
  const parts = (repeat: number): CacheKeyParts => ({
    identity,
    template: request.template,
    messages: request.messages,
    params: { ...request.params, seed: deriveSeed(request.params.seed, repeat) },
    repeat,
  });
  const repeats = Array.from({ length: request.n }, (_, i) => i);
  const hits = repeats.map((i) => (request.bypass ? null : cache.get(parts(i))));
  const missing = repeats.filter((i) => hits[i] === null);
  const fresh =
    missing.length === request.n
      ? await provider.sample(request.messages, request.params, request.n, request.signal)
      : await Promise.all(
          missing.map((i) => provider.chat(request.messages, parts(i).params, request.signal)),
        );
  const answers = repeats.map((i): CachedAnswer => {
    const hit = hits[i];
    if (hit) return { result: hit, cached: true, repeat: i };
    const result = fresh[missing.indexOf(i)];
    if (!result) throw new Error(`no answer for repeat ${i}`);
    cache.put(parts(i), result);
    return { result, cached: false, repeat: i };
  });
  return answers;
}
