import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedProvider } from '../../../main/llm/embedded/embedded-provider.js';
import { LlamaRuntime } from '../../../main/llm/embedded/llama-runtime.js';
import {
  cacheKey,
  ResponseCache,
  sampleWithCache,
  type CacheKeyParts,
} from '../../../main/llm/response-cache.js';
import { deriveSeeds } from '../../../main/llm/seeds.js';
import { TemplateError } from '../../../main/llm/templates/prompt-template.js';
import { TemplateLibrary } from '../../../main/llm/templates/template-library.js';
import { DEFAULT_SAMPLING, type LlmProvider } from '../../../main/llm/types.js';
import { LlmCacheRepo } from '../../../main/store/repos/llm-cache-repo.js';
import { PromptTemplatesRepo } from '../../../main/store/repos/prompt-templates-repo.js';
import { openStore, type Store } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';

const tmp = tempDataDir('vcheck-cache-');
const runtime = new LlamaRuntime({ gpu: false, threads: 1 });
let store: Store;
let provider: EmbeddedProvider;
beforeAll(() => {
  store = openStore({ dataDir: tmp.dir });
  provider = new EmbeddedProvider(runtime, { modelPath: writeTinyLlama(tmp.dir), contextSize: 256 });
});
afterAll(async () => {
  store.close();
  await runtime.dispose();
  tmp.cleanup();
});

const parts: CacheKeyParts = {
  identity: { provider: 'embedded', model: 'm.gguf', fileSha256: 'ab'.repeat(32) },
  template: { id: 'draw', version: 1 },
  messages: [{ role: 'user', content: 'write code in the programming language SVG that draws a cat' }],
  params: { ...DEFAULT_SAMPLING, stop: ['```'] },
  repeat: 0,
};

/** Counts the calls that reach the real provider. */
function counting(inner: LlmProvider): LlmProvider & { calls: number[] } {
  const calls: number[] = [];
  return {
    id: inner.id,
    calls,
    describe: () => inner.describe(),
    chat: (m, p, s) => (calls.push(1), inner.chat(m, p, s)),
    sample: (m, p, n, s) => (calls.push(n), inner.sample(m, p, n, s)),
    close: () => inner.close(),
  };
}

describe('response cache', () => {
  it('hashes the canonical JSON of the key, as an independent implementation does', () => {
    const { key, json } = cacheKey(parts);
    const python = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys,json,hashlib; o=json.loads(sys.stdin.read()); print(hashlib.sha256(json.dumps(o,sort_keys=True,separators=(",",":"),ensure_ascii=False).encode()).hexdigest())',
      ],
      { input: json },
    )
      .toString()
      .trim();
    expect(key).toBe(python);
    expect(JSON.parse(json)).toMatchObject({
      provider: 'embedded',
      repeat: 0,
      seed: 0,
      template: { id: 'draw', version: 1 },
    });
  });

  it.each([
    ['repeat', { repeat: 1 }],
    ['seed', { params: { ...parts.params, seed: 1 } }],
    ['temperature', { params: { ...parts.params, temperature: 0.7 } }],
    ['stop', { params: { ...parts.params, stop: [] } }],
    ['template version', { template: { id: 'draw', version: 2 } }],
    ['model file', { identity: { provider: 'embedded', model: 'm.gguf', fileSha256: 'cd'.repeat(32) } }],
    ['message', { messages: [{ role: 'user', content: 'draws a dog' }] }],
  ] as const)('changes when the %s changes', (_name, change) => {
    expect(cacheKey({ ...parts, ...change } as CacheKeyParts).key).not.toBe(cacheKey(parts).key);
  });

  it('stores repeats separately, serves hits for free, fills only the missing repeats, bypasses and clears', async () => {
    const cache = new ResponseCache(new LlmCacheRepo(store.db));
    const model = counting(provider);
    const request = {
      messages: parts.messages,
      params: { ...DEFAULT_SAMPLING, maxTokens: 8, seed: 11 },
      template: parts.template,
    };
    const first = await sampleWithCache(model, cache, { ...request, n: 3 });
    expect(first.map((a) => a.cached)).toEqual([false, false, false]);
    expect(first.map((a) => a.result.params.seed)).toEqual(deriveSeeds(11, 3));
    expect(model.calls).toEqual([3]);
    expect(cache.stats()).toEqual({ entries: 3, hits: 0 });

    const again = await sampleWithCache(model, cache, { ...request, n: 3 });
    expect(again.map((a) => a.cached)).toEqual([true, true, true]);
    expect(again.map((a) => a.result.text)).toEqual(first.map((a) => a.result.text));
    expect(model.calls).toEqual([3]);

    const more = await sampleWithCache(model, cache, { ...request, n: 5 });
    expect(more.map((a) => a.cached)).toEqual([true, true, true, false, false]);
    expect(more.map((a) => a.result.params.seed)).toEqual(deriveSeeds(11, 5));
    expect(model.calls).toEqual([3, 1, 1]);
    expect(cache.stats()).toEqual({ entries: 5, hits: 6 });

    const bypassed = await sampleWithCache(model, cache, { ...request, n: 2, bypass: true });
    expect(bypassed.map((a) => a.cached)).toEqual([false, false]);
    expect(cache.clear()).toBe(5);
    expect(cache.stats().entries).toBe(0);
  });
});

describe('template library', () => {
  it('versions user templates and edits of built-ins, and keeps them across reopen', () => {
    const library = new TemplateLibrary(new PromptTemplatesRepo(store.db));
    const draft = {
      id: 'draw-terse',
      task: 'draw' as const,
      messages: [{ role: 'user' as const, content: 'In {language}, draw {concept|a}. Code only.' }],
    };
    expect(library.save(draft).version).toBe(1);
    expect(library.save({ ...draft, description: 'v2' }).version).toBe(2);
    expect(
      library.save({ id: 'draw', task: 'draw', messages: [{ role: 'user', content: 'draw {concept}' }] })
        .version,
    ).toBe(2);
    store.close();
    store = openStore({ dataDir: tmp.dir });
    const reopened = new TemplateLibrary(new PromptTemplatesRepo(store.db));
    expect(reopened.get('draw-terse').version).toBe(2);
    expect(reopened.get('draw-terse', 1).description).toBe('');
    expect(reopened.get('draw').version).toBe(2);
    expect(reopened.get('draw', 1).origin).toBe('builtin');
    expect(() => reopened.get('nope')).toThrow(TemplateError);
  });

  it.each([
    ['a bad id', { id: 'Bad Id', task: 'draw', messages: [{ role: 'user', content: 'x' }] }],
    ['an unknown task', { id: 'x', task: 'paint', messages: [{ role: 'user', content: 'x' }] }],
    ['no user message last', { id: 'x', task: 'draw', messages: [{ role: 'system', content: 'x' }] }],
    ['an unknown modifier', { id: 'x', task: 'draw', messages: [{ role: 'user', content: '{concept|q}' }] }],
  ])('refuses a draft with %s', (_name, draft) => {
    const library = new TemplateLibrary(new PromptTemplatesRepo(store.db));
    expect(() => library.save(draft as never)).toThrow(TemplateError);
  });
});
