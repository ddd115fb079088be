import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { EmbeddedProvider } from '../../../main/llm/embedded/embedded-provider.js';
import { LlamaRuntime } from '../../../main/llm/embedded/llama-runtime.js';
import { startOpenAiServer } from '../../fixtures/openai-server.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';

describe('llm contract calls', () => {
  const tmp = tempDataDir('vcheck-llm-calls-');
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ dataDir: path.join(tmp.dir, 'data') });
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  it('lists the built-in templates and saves a user one as a new version', async () => {
    const list = await engine.dispatch('templates.list', {});
    expect(list.ok && (list.value as { id: string }[]).map((t) => t.id)).toContain('recognise-choice');
    const saved = await engine.dispatch('templates.save', {
      id: 'draw',
      task: 'draw',
      messages: [{ role: 'user', content: 'Using {language}, draw {concept|a}.' }],
    });
    expect(saved).toMatchObject({ ok: true, value: { id: 'draw', version: 2, origin: 'user' } });
    const bad = await engine.dispatch('templates.save', {
      id: 'x',
      task: 'draw',
      messages: [{ role: 'user', content: '{concept|zz}' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers expected model failures as codes, not exceptions', async () => {
    const notGguf = path.join(tmp.dir, 'notes.gguf');
    writeFileSync(notGguf, 'hello');
    expect(await engine.dispatch('models.import', { path: notGguf })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await engine.dispatch('models.info', { id: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await engine.dispatch('models.inspect', { path: path.join(tmp.dir, 'none.gguf') })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await engine.dispatch('llm.cacheClear', {})).toEqual({ ok: true, value: { removed: 0 } });
    const catalogue = await engine.dispatch('models.catalogue', {});
    expect(catalogue.ok && (catalogue.value as unknown[]).length).toBeGreaterThan(2);
  });

  it('inspects a file without importing it, then imports it', async () => {
    const file = writeTinyLlama(tmp.dir);
    const inspected = await engine.dispatch('models.inspect', { path: file });
    expect(inspected).toMatchObject({
      ok: true,
      value: { path: file, info: { architecture: 'llama' }, memory: { fits: true } },
    });
    expect(await engine.dispatch('models.list', {})).toEqual({ ok: true, value: [] });
    expect(await engine.dispatch('models.import', { path: file, copy: true })).toMatchObject({
      ok: true,
      value: { storage: 'copy', status: 'ready' },
    });
  });

  it('asks a model in-process and through an OpenAI-compatible endpoint with the same greedy answer', async () => {
    const file = writeTinyLlama(tmp.dir, 'ask.gguf');
    const runtime = new LlamaRuntime({ gpu: false, threads: 1 });
    const server = await startOpenAiServer(new EmbeddedProvider(runtime, { modelPath: file }), {
      modelName: 'tiny',
    });
    try {
      const question = { prompt: 'draw a cat', maxTokens: 8, temperature: 0, threads: 1 };
      const local = await engine.dispatch('llm.ask', { ...question, model: file });
      const remote = await engine.dispatch('llm.ask', {
        ...question,
        model: 'tiny',
        endpoint: `${server.url}/v1`,
      });
      expect(local.ok && remote.ok).toBe(true);
      if (!local.ok || !remote.ok) return;
      const [a, b] = [
        local.value as { text: string; backend: string },
        remote.value as { text: string; backend: string; attempts: number },
      ];
      expect(b.text).toBe(a.text);
      expect([a.backend, b.backend, b.attempts]).toEqual(['cpu', 'http', 1]);
      server.faults.push({ kind: 'status', status: 404 });
      expect(
        await engine.dispatch('llm.ask', { ...question, model: 'tiny', endpoint: server.url }),
      ).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await server.close();
      await runtime.dispose();
    }
  });
});
