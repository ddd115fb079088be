/**
 * Render benchmark for SVG, p5.js and Processing: renders/s on the real sample answers with one
 * warm worker and with the full pool, against the naive baseline of a fresh engine per program
 * (a new resvg process / a new worker thread with a new QuickJS module per render), same run.
 *
 * Run: npx tsx bench/render-js.bench.ts
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { extractCode } from '../main/render/extract/extract-code.js';
import { RENDERER_FACTORIES } from '../main/render/registry.js';
import { DEFAULT_RENDER_LIMITS, type LanguageRenderer, type RenderOptions } from '../main/render/types.js';

const LANGUAGES = ['svg', 'p5js', 'processing'] as const;
const ROUNDS = 2;
const NAIVE_PROGRAMS = 6;
const OPTIONS: RenderOptions = { size: 512, seed: 0, limits: DEFAULT_RENDER_LIMITS };

function programs(language: (typeof LANGUAGES)[number]): readonly string[] {
  const file = language === 'processing' ? 'answers-processing-tikz.jsonl' : 'answers-svg-p5.jsonl';
  return readFileSync(path.join('resources', 'samples', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { language: string; response: string })
    .filter((s) => s.language === language)
    .map((s) => extractCode(language, s.response))
    .flatMap((e) => (e.kind === 'code' ? [e.code] : []));
}

function factory(language: (typeof LANGUAGES)[number]): (workers: number) => LanguageRenderer {
  const create = RENDERER_FACTORIES[language];
  if (!create) throw new Error(`no renderer for ${language}`);
  return (workers) => create({ workers });
}

async function rate(count: number, work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return count / ((performance.now() - start) / 1000);
}

async function warmRate(
  make: (w: number) => LanguageRenderer,
  codes: readonly string[],
  workers: number,
): Promise<number> {
  const renderer = make(workers);
  // Warm every worker before timing (start-up is what the pool amortises).
  await Promise.all(
    Array.from({ length: workers }, (_, i) => renderer.render(codes[i % codes.length]!, OPTIONS)),
  );
  const all = Array.from({ length: ROUNDS }, () => codes).flat();
  const queue = [...all];
  const result = await rate(all.length, () =>
    Promise.all(
      Array.from({ length: workers }, async () => {
        for (let code = queue.shift(); code; code = queue.shift()) await renderer.render(code, OPTIONS);
      }),
    ),
  );
  await renderer.dispose();
  return result;
}

async function naiveRate(make: (w: number) => LanguageRenderer, codes: readonly string[]): Promise<number> {
  const subset = codes.slice(0, NAIVE_PROGRAMS);
  return rate(subset.length, async () => {
    for (const code of subset) {
      const renderer = make(1);
      await renderer.render(code, OPTIONS);
      await renderer.dispose();
    }
  });
}

// The full pool uses every core (the app's default keeps one core free for itself).
const poolSize = Math.max(2, availableParallelism());
console.log(
  `| language | 1 warm worker (renders/s) | full pool, ${poolSize} workers (renders/s) | naive: fresh engine per program (renders/s) | 1 worker / naive | pool / naive |`,
);
console.log('|---|---|---|---|---|---|');
for (const language of LANGUAGES) {
  const codes = programs(language);
  const make = factory(language);
  const naive = await naiveRate(make, codes);
  const one = await warmRate(make, codes, 1);
  const pool = await warmRate(make, codes, poolSize);
  console.log(
    `| ${language} (${codes.length} sample programs × ${ROUNDS}) | ${one.toFixed(1)} | ${pool.toFixed(1)} | ${naive.toFixed(2)} | ${(one / naive).toFixed(1)}x | ${(pool / naive).toFixed(1)}x |`,
  );
}
