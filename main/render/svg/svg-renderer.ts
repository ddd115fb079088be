/**
 * SVG renderer: sanitize, then rasterise with resvg in a warm child process that has a
 * throw-away cwd, an address-space limit (prlimit, where present) and is killed on the deadline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childWorker } from '../message-worker.js';
import { RenderPool } from '../pool.js';
import type { RendererConfig } from '../registry.js';
import { renderResource } from '../resources-dir.js';
import type { LanguageRenderer, RenderOptions, RenderOutcome } from '../types.js';
import { outcomeFromImage, failure } from '../outcome.js';
import { sanitizeSvg } from './sanitize-svg.js';

type SvgRequest = { readonly svg: string; readonly size: number; readonly fontFiles: readonly string[] };
type SvgResponse =
  | { readonly ok: true; readonly png: Uint8Array; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly error: string };

const PRLIMIT = '/usr/bin/prlimit';
/** Address space Node itself needs before rendering anything (it hangs or aborts below ~1 GiB). */
const NODE_BASELINE_MB = 1024;

function resvgVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@resvg/resvg-js/package.json') as { version: string }).version;
}

/** Spawns a resvg child; its cwd is an empty temp folder, so relative hrefs find nothing. */
function spawnResvgChild(
  memoryMb: number,
  scratch: string,
): ReturnType<typeof childWorker<SvgRequest, SvgResponse>> {
  const script = path.join(renderResource('render'), 'svg-child.mjs');
  // fork() runs `execPath execArgv script`: through prlimit the child starts already limited.
  const limited = existsSync(PRLIMIT);
  return childWorker<SvgRequest, SvgResponse>(script, {
    cwd: scratch,
    ...(limited
      ? {
          execPath: PRLIMIT,
          execArgv: [`--as=${(NODE_BASELINE_MB + memoryMb) * 1024 * 1024}`, '--', process.execPath],
        }
      : {}),
  });
}

/** Creates the SVG renderer (a pool of warm resvg child processes). */
export function createSvgRenderer(config: RendererConfig): LanguageRenderer {
  const id = `resvg@${resvgVersion()}`;
  const fontFiles = [path.join(renderResource('fonts'), 'DejaVuSans.ttf')];
  // The scratch cwd is made on the first spawn: opening an engine costs nothing until a render.
  let scratch: string | undefined;
  let memoryMb = 1024;
  const pool = new RenderPool<SvgRequest, SvgResponse>({
    size: config.workers,
    maxQueue: 256,
    spawn: () => spawnResvgChild(memoryMb, (scratch ??= mkdtempSync(path.join(tmpdir(), 'vcheck-svg-')))),
  });
  const base = { renderer: id, sandbox: 'child-process' as const };
  return {
    language: 'svg',
    id,
    available: () => Promise.resolve({ ok: true }),
    async render(code: string, options: RenderOptions): Promise<RenderOutcome> {
      const started = performance.now();
      memoryMb = options.limits.memoryMb;
      const clean = sanitizeSvg(code);
      if (!clean.ok) return failure(base, started, clean.status, clean.error);
      const log = clean.removed.length > 0 ? `sanitized: removed ${clean.removed.join(', ')}` : '';
      const result = await pool.run(
        { svg: clean.svg, size: options.size, fontFiles },
        options.limits.timeoutMs,
      );
      switch (result.kind) {
        case 'timeout':
          return failure(
            base,
            started,
            'timeout',
            `SVG rasterising passed ${options.limits.timeoutMs} ms`,
            log,
          );
        case 'busy':
          return failure(base, started, 'resource_limit', 'render queue is full', log);
        case 'crashed':
          return failure(base, started, 'resource_limit', `resvg process died (${result.error})`, log);
        case 'done':
          if (!result.value.ok) return failure(base, started, 'compile_error', result.value.error, log);
          return outcomeFromImage(base, started, result.value.png, options, log);
      }
    },
    dispose: () => {
      pool.dispose();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
