/**
 * Golden images of the matplotlib, turtle and TikZ renderers, against independent references: the
 * same figure drawn by a direct, unsandboxed /usr/bin/python3 matplotlib call; known geometry (a
 * red square's box and colour); determinism; and the sample model answers in resources/samples.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCode } from '../../../main/render/extract/extract-code.js';
import {
  createMatplotlibRenderer,
  createTurtleRenderer,
} from '../../../main/render/python/python-renderer.js';
import { createTikzRenderer } from '../../../main/render/tikz/tikz-renderer.js';
import type { RenderLanguage } from '../../../main/render/types.js';
import { boundingBox, decodePng, isRed, meanAbsDiff } from './python-tikz-pixels.js';

const hasMatplotlib = existsSync('/usr/bin/python3');
const hasTex = existsSync('/usr/bin/pdflatex') && existsSync('/usr/bin/pdftoppm');
const options = {
  size: 200,
  seed: 3,
  limits: { timeoutMs: 10_000, memoryMb: 1024, maxOutputBytes: 16 << 20 },
};
const matplotlib = createMatplotlibRenderer({ workers: 1 });
const turtle = createTurtleRenderer({ workers: 1 });
const tikz = createTikzRenderer({ workers: 1 });
afterAll(async () => {
  await Promise.all([matplotlib.dispose(), turtle.dispose(), tikz.dispose()]);
});

const SQUARE = [
  'import matplotlib.pyplot as plt',
  'fig, ax = plt.subplots(figsize=(4, 4))',
  'ax.add_patch(plt.Rectangle((0.25, 0.25), 0.5, 0.5, color="red"))',
  'ax.set_xlim(0, 1); ax.set_ylim(0, 1)',
  'ax.plot([0, 1], [1, 0], color="blue", linewidth=3)',
  'plt.show()',
].join('\n');

/** The same figure, drawn directly by /usr/bin/python3 outside any sandbox. */
function referencePng(code: string, size: number): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-ref-'));
  try {
    const script = `${code.replace('plt.show()', '')}\nfig.savefig(${JSON.stringify(path.join(dir, 'ref.png'))}, dpi=${size} / 4, facecolor="white")\n`;
    writeFileSync(path.join(dir, 'ref.py'), script);
    execFileSync('/usr/bin/python3', [path.join(dir, 'ref.py')], {
      env: { ...process.env, MPLBACKEND: 'Agg' },
    });
    return readFileSync(path.join(dir, 'ref.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasMatplotlib)('matplotlib golden images', () => {
  it('matches a direct, unsandboxed matplotlib render of the same figure', async () => {
    const outcome = await matplotlib.render(SQUARE, options);
    expect(outcome.status, outcome.error).toBe('ok');
    const ours = decodePng(outcome.png!);
    const reference = decodePng(referencePng(SQUARE, options.size));
    expect([ours.width, ours.height]).toEqual([200, 200]);
    expect(meanAbsDiff(ours, reference)).toBeLessThan(1.5);
    const [a, b] = [boundingBox(ours, isRed)!, boundingBox(reference, isRed)!];
    for (const key of ['x0', 'y0', 'x1', 'y1'] as const)
      expect(Math.abs(a[key] - b[key])).toBeLessThanOrEqual(1);
  });

  it('keeps the aspect ratio with the long side at the requested size', async () => {
    const wide = 'import matplotlib.pyplot as plt\nplt.figure(figsize=(8, 2))\nplt.plot([0, 1], [0, 1])';
    const outcome = await matplotlib.render(wide, { ...options, size: 256 });
    expect([outcome.width, outcome.height]).toEqual([256, 64]);
  });

  it('renders the same bytes twice, seeded random included', async () => {
    const code =
      'import numpy as np, random, matplotlib.pyplot as plt\nplt.scatter(np.random.rand(50), [random.random() for _ in range(50)])';
    const first = await matplotlib.render(code, options);
    const second = await matplotlib.render(code, options);
    expect(first.status).toBe('ok');
    expect(Buffer.from(second.png!).equals(Buffer.from(first.png!))).toBe(true);
  });
});

describe.skipIf(!hasMatplotlib)('turtle golden images', () => {
  const square =
    'import turtle\nturtle.setup(200, 200)\nt = turtle.Turtle()\nt.hideturtle()\nt.color("red")\nt.begin_fill()\nfor _ in range(4):\n    t.forward(100)\n    t.left(90)\nt.end_fill()\nturtle.done()';

  it('draws a filled square where turtle geometry puts it', async () => {
    const outcome = await turtle.render(square, options);
    expect(outcome.status, outcome.error).toBe('ok');
    const box = boundingBox(decodePng(outcome.png!), isRed)!;
    // turtle (0,0) is the window centre, y up: the square spans x 100..200, y 0..100 in pixels
    for (const [got, want] of [
      [box.x0, 100],
      [box.x1, 199],
      [box.y0, 0],
      [box.y1, 100],
    ] as const) {
      expect(Math.abs(got - want)).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the background colour and is deterministic', async () => {
    const code = 'import turtle\nturtle.bgcolor("blue")\nturtle.circle(40)';
    const first = await turtle.render(code, options);
    const second = await turtle.render(code, options);
    const pixels = decodePng(first.png!);
    expect(Array.from(pixels.data.slice(0, 3))).toEqual([0, 0, 255]);
    expect(Buffer.from(second.png!).equals(Buffer.from(first.png!))).toBe(true);
  });
});

describe.skipIf(!hasTex)('TikZ golden images', () => {
  it('draws a 2 cm red square inside the 4 pt standalone border', async () => {
    const outcome = await tikz.render(
      '\\begin{tikzpicture}\\fill[red] (0,0) rectangle (2,2);\\end{tikzpicture}',
      { ...options, size: 256 },
    );
    expect(outcome.status, outcome.error).toBe('ok');
    const box = boundingBox(decodePng(outcome.png!), isRed)!;
    const side = 2 * (72.27 / 2.54); // 2 cm in TeX points
    const expected = (256 * side) / (side + 8);
    expect(Math.abs(box.x1 - box.x0 + 1 - expected)).toBeLessThanOrEqual(3);
    expect(Math.abs(box.y1 - box.y0 + 1 - expected)).toBeLessThanOrEqual(3);
  });

  it('renders the same bytes twice', async () => {
    const code =
      '\\begin{tikzpicture}\\draw[blue, thick] (0,0) circle (1);\\node at (0,0) {A};\\end{tikzpicture}';
    const first = await tikz.render(code, options);
    const second = await tikz.render(code, options);
    expect(first.status).toBe('ok');
    expect(Buffer.from(second.png!).equals(Buffer.from(first.png!))).toBe(true);
  });
});

describe('embedded TikZ fallback (node-tikzjax)', () => {
  const fallback = createTikzRenderer({ workers: 1, engine: 'tikzjax' });
  afterAll(() => fallback.dispose());

  it('draws a red square and cannot \\input a planted file', async () => {
    const outcome = await fallback.render(
      '\\begin{tikzpicture}\\fill[red] (0,0) rectangle (2,2);\\end{tikzpicture}',
      options,
    );
    expect(outcome.status, outcome.error).toBe('ok');
    expect(outcome.sandbox).toBe('wasm-worker');
    const pixels = decodePng(outcome.png!);
    expect(boundingBox(pixels, isRed)!.count).toBeGreaterThan(0.9 * pixels.width * pixels.height);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-tikzjax-'));
    const secret = `tikzjax-secret-${process.pid}`;
    writeFileSync(path.join(dir, 'secret.tex'), secret);
    try {
      const leak = await fallback.render(
        `\\begin{tikzpicture}\\node {\\input{${dir}/secret}};\\end{tikzpicture}`,
        options,
      );
      expect(leak.status).toBe('compile_error');
      expect(`${leak.error} ${leak.log}`).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

interface Sample {
  readonly id: string;
  readonly language: RenderLanguage;
  readonly response: string;
}

function samples(file: string, language: RenderLanguage, count: number): Sample[] {
  const lines = readFileSync(path.join('resources', 'samples', file), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines
    .map((line) => JSON.parse(line) as Sample)
    .filter((s) => s.language === language)
    .slice(0, count);
}

describe.skipIf(!hasMatplotlib || !hasTex)('sample model answers', () => {
  const cases: Array<[RenderLanguage, string]> = [
    ['matplotlib', 'answers-matplotlib-turtle.jsonl'],
    ['turtle', 'answers-matplotlib-turtle.jsonl'],
    ['tikz', 'answers-processing-tikz.jsonl'],
  ];
  it.each(cases)('renders most %s answers to a non-blank image', async (language, file) => {
    const renderer = { matplotlib, turtle, tikz }[language as 'matplotlib' | 'turtle' | 'tikz'];
    const statuses: string[] = [];
    for (const sample of samples(file, language, 5)) {
      const extraction = extractCode(language, sample.response);
      if (extraction.kind !== 'code') continue;
      const outcome = await renderer.render(extraction.code, { ...options, size: 128 });
      statuses.push(`${sample.id}:${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}`);
    }
    expect(statuses.length).toBeGreaterThanOrEqual(4);
    expect(statuses.filter((s) => s.includes(':ok')).length, statuses.join('\n')).toBeGreaterThanOrEqual(4);
  });
});
