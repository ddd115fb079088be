/**
 * The embedded TikZ fallback where pdflatex is absent: node-tikzjax (WASM TeX over an in-memory
 * file system, so `\input` and friends cannot reach host files) in a worker thread that is
 * terminated on the deadline; its SVG is rasterised by the SVG renderer (sanitised, resvg).
 */
import path from 'node:path';
import { failure } from '../outcome.js';
import { threadWorker } from '../message-worker.js';
import { RenderPool } from '../pool.js';
import type { RendererConfig } from '../registry.js';
import { renderResource } from '../resources-dir.js';
import { createSvgRenderer } from '../svg/svg-renderer.js';
import type { LanguageRenderer, RenderOptions, RenderOutcome } from '../types.js';

type TikzjaxRequest = {
  readonly body: string;
  readonly libraries: string;
  readonly packages: Readonly<Record<string, string>>;
};
type TikzjaxResponse =
  { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly error: string };

/** The answer split the way tikzjax takes it: document body, tikz libraries, packages. */
export function tikzjaxRequest(code: string): TikzjaxRequest {
  const libraries = [...code.matchAll(/\\usetikzlibrary\{([^}]*)\}/g)].map((m) => m[1]!.trim()).join(',');
  const packages: Record<string, string> = {};
  for (const m of code.matchAll(/\\usepackage(?:\[([^\]]*)\])?\{([^}]*)\}/g)) {
    for (const name of m[2]!.split(',').map((n) => n.trim()))
      if (name && name !== 'tikz') packages[name] = m[1] ?? '';
  }
  const inner = code.match(/\\begin\{document\}([\s\S]*?)\\end\{document\}/)?.[1];
  const bare = code.replace(/^\s*\\(documentclass|usetikzlibrary|usepackage)\b.*$/gm, '');
  return { body: `\\begin{document}\n${(inner ?? bare).trim()}\n\\end{document}`, libraries, packages };
}

/** Creates the node-tikzjax renderer (sandbox `wasm-worker`). */
export function createTikzjaxRenderer(config: RendererConfig): LanguageRenderer {
  const script = path.join(renderResource('render'), 'tex', 'tikzjax-worker.mjs');
  const pool = new RenderPool<TikzjaxRequest, TikzjaxResponse>({
    size: Math.max(1, config.workers),
    maxQueue: 256,
    spawn: () => threadWorker<TikzjaxRequest, TikzjaxResponse>(script, { maxOldGenerationSizeMb: 1024 }),
  });
  const svg = createSvgRenderer({ workers: 1 });
  const base = { renderer: 'node-tikzjax@1.0.5', sandbox: 'wasm-worker' as const };
  return {
    language: 'tikz',
    id: base.renderer,
    available: () => Promise.resolve({ ok: true }),
    async render(code: string, options: RenderOptions): Promise<RenderOutcome> {
      const started = performance.now();
      const result = await pool.run(tikzjaxRequest(code), options.limits.timeoutMs);
      if (result.kind === 'timeout')
        return failure(base, started, 'timeout', `TeX ran longer than ${options.limits.timeoutMs} ms`);
      if (result.kind === 'busy')
        return failure(base, started, 'resource_limit', 'too many TikZ renders waiting');
      if (result.kind === 'crashed') return failure(base, started, 'resource_limit', result.error);
      if (!result.value.ok) return failure(base, started, 'compile_error', result.value.error);
      const image = await svg.render(result.value.svg, options);
      return {
        ...image,
        renderer: base.renderer,
        sandbox: base.sandbox,
        durationMs: Math.round(performance.now() - started),
      };
    },
    async dispose(): Promise<void> {
      pool.dispose();
      await svg.dispose();
    },
  };
}
