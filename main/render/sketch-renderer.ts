/**
 * The shared engine of the sketch languages (p5.js, Processing): a pool of warm worker threads,
 * each running sketches in a fresh QuickJS runtime with no host objects, a memory limit and an
 * interrupt deadline, replaying the recorded drawing onto @napi-rs/canvas. A sketch past its
 * hard deadline gets its thread terminated and replaced.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadWorker } from './message-worker.js';
import { failure, outcomeFromImage, type OutcomeBase } from './outcome.js';
import { RenderPool } from './pool.js';
import type { RendererConfig } from './registry.js';
import { renderResource } from './resources-dir.js';
import type { LanguageRenderer, RenderOptions, RenderOutcome } from './types.js';

type SketchLanguage = 'p5js' | 'processing';

interface SketchRequest {
  readonly language: SketchLanguage;
  readonly code: string;
  readonly seed: number;
  readonly size: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly maxOps: number;
}

type SketchResponse =
  | { readonly status: 'ok'; readonly png: Uint8Array; readonly log: string }
  | {
      readonly status: 'timeout' | 'resource_limit' | 'runtime_error' | 'compile_error';
      readonly error: string;
    };

/** Most drawing operations one sketch may record. */
const MAX_OPS = 200_000;
/** Grace period between the in-engine interrupt deadline and terminating the thread. */
const HARD_DEADLINE_GRACE_MS = 1_000;

/** Version of an npm package, for the renderer id. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** Creates a sketch renderer for `language` backed by a pool of QuickJS worker threads. */
export function createSketchRenderer(
  language: SketchLanguage,
  id: string,
  config: RendererConfig,
): LanguageRenderer {
  const script = path.join(renderResource('render'), 'quickjs-worker.mjs');
  const pool = new RenderPool<SketchRequest, SketchResponse>({
    size: config.workers,
    maxQueue: 256,
    spawn: () => threadWorker<SketchRequest, SketchResponse>(script, { maxOldGenerationSizeMb: 256 }),
  });
  const base: OutcomeBase = { renderer: id, sandbox: 'wasm-worker' };
  return {
    language,
    id,
    available: () => Promise.resolve({ ok: true }),
    async render(code: string, options: RenderOptions): Promise<RenderOutcome> {
      const started = performance.now();
      const { timeoutMs, memoryMb } = options.limits;
      const request = {
        language,
        code,
        seed: options.seed,
        size: options.size,
        timeoutMs,
        memoryMb: Math.min(memoryMb, 1024),
        maxOps: MAX_OPS,
      };
      const result = await pool.run(request, timeoutMs + HARD_DEADLINE_GRACE_MS);
      switch (result.kind) {
        case 'timeout':
          return failure(base, started, 'timeout', `sketch ran past ${timeoutMs} ms (worker terminated)`);
        case 'busy':
          return failure(base, started, 'resource_limit', 'render queue is full');
        case 'crashed':
          return failure(base, started, 'resource_limit', `sketch worker died (${result.error})`);
        case 'done': {
          const value = result.value;
          if (value.status !== 'ok') return failure(base, started, value.status, value.error);
          return outcomeFromImage(base, started, value.png, options, value.log);
        }
      }
    },
    dispose: () => {
      pool.dispose();
      return Promise.resolve();
    },
  };
}
