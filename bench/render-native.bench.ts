/**
 * Native renderers benchmark: renders/s of the matplotlib, turtle and TikZ renderers (sandboxed,
 * warm workers) at one worker and at full pool, against the naive baseline of one fresh, unsandboxed
 * process per program (`/usr/bin/python3 file.py`, `pdflatex file.tex` + pdftoppm), in the same run.
 * The turtle baseline runs the same recording turtle module (the Tk one needs a display).
 *
 * Run: npx tsx bench/render-native.bench.ts [programs per language, default 8]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMatplotlibRenderer, createTurtleRenderer } from '../main/render/python/python-renderer.js';
import { createTikzRenderer } from '../main/render/tikz/tikz-renderer.js';
import type { LanguageRenderer } from '../main/render/types.js';

const COUNT = Number(process.argv[2] ?? 8);
const POOL = os.cpus().length;
const options = {
  size: 256,
  seed: 1,
  limits: { timeoutMs: 20_000, memoryMb: 1024, maxOutputBytes: 16 << 20 },
};
const harness = path.resolve('resources/render/python');

const programs = {
  matplotlib: (i: number) =>
    `import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(4, 4))\nax.add_patch(plt.Circle((0.5, 0.5), 0.${i + 1}, color=(0.1, 0.${i}, 0.8)))\nax.plot([0, 1], [0, ${i % 2}])\nplt.show()`,
  turtle: (i: number) =>
    `import turtle\nt = turtle.Turtle()\nt.color("red", "yellow")\nt.begin_fill()\nfor _ in range(${5 + i}):\n    t.forward(120)\n    t.left(${360 / (5 + i)})\nt.end_fill()\nturtle.done()`,
  tikz: (i: number) =>
    `\\begin{tikzpicture}\n\\fill[blue!${10 * (i + 1)}] (0,0) circle (1);\n\\draw[thick] (-1,-1) rectangle (1,1);\n\\node at (0,0) {${i}};\n\\end{tikzpicture}`,
} as const;
type Language = keyof typeof programs;

function naive(language: Language, code: string, dir: string): void {
  if (language === 'tikz') {
    const doc = `\\documentclass[tikz,border=4pt]{standalone}\n\\begin{document}\n${code}\n\\end{document}\n`;
    writeFileSync(path.join(dir, 'file.tex'), doc);
    execFileSync('pdflatex', ['-no-shell-escape', '-interaction=nonstopmode', 'file.tex'], {
      cwd: dir,
      stdio: 'ignore',
    });
    execFileSync('pdftoppm', ['-png', '-scale-to', '256', '-singlefile', 'file.pdf', 'page'], { cwd: dir });
    return;
  }
  const save =
    language === 'turtle'
      ? `\nimport figure\nfigure.save_png(turtle._vcheck_figure(), 256, "out.png")`
      : `\nfig.savefig("out.png", dpi=64)`;
  const prelude = language === 'turtle' ? `import sys\nsys.path.insert(0, ${JSON.stringify(harness)})\n` : '';
  writeFileSync(path.join(dir, 'file.py'), prelude + code.replace('plt.show()', '') + save);
  execFileSync('/usr/bin/python3', ['file.py'], { cwd: dir, env: { ...process.env, MPLBACKEND: 'Agg' } });
}

async function timed(work: () => Promise<void> | void): Promise<number> {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
}

function create(language: Language, workers: number): LanguageRenderer {
  if (language === 'matplotlib') return createMatplotlibRenderer({ workers });
  if (language === 'turtle') return createTurtleRenderer({ workers });
  return createTikzRenderer({ workers });
}

async function renderAll(renderer: LanguageRenderer, language: Language, concurrent: boolean): Promise<void> {
  const codes = Array.from({ length: COUNT }, (_, i) => programs[language](i));
  const check = (status: string): void => {
    if (status !== 'ok') throw new Error(`${language} render failed: ${status}`);
  };
  if (concurrent)
    (await Promise.all(codes.map((code) => renderer.render(code, options)))).forEach((o) => check(o.status));
  else for (const code of codes) check((await renderer.render(code, options)).status);
}

console.log(
  `| language | naive fresh process (renders/s) | 1 worker | ratio | pool of ${POOL} | ratio | sandbox |`,
);
console.log('|---|---|---|---|---|---|---|');
for (const language of Object.keys(programs) as Language[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-bench-'));
  const baseline = await timed(() => {
    for (let i = 0; i < COUNT; i++) naive(language, programs[language](i), dir);
  });
  rmSync(dir, { recursive: true, force: true });
  const one = create(language, 1);
  const warm = await one.render(programs[language](0), options); // start the warm worker outside the timing
  const single = await timed(() => renderAll(one, language, false));
  await one.dispose();
  const pool = create(language, POOL);
  await Promise.all(Array.from({ length: POOL }, () => pool.render(programs[language](0), options)));
  const full = await timed(() => renderAll(pool, language, true));
  await pool.dispose();
  const rate = (seconds: number): string => (COUNT / seconds).toFixed(2);
  console.log(
    `| ${language} | ${rate(baseline)} | ${rate(single)} | ${(baseline / single).toFixed(2)}x | ${rate(full)} | ${(baseline / full).toFixed(2)}x | ${warm.sandbox} |`,
  );
}
