import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCode } from '../../../main/render/extract/extract-code.js';
import { RENDER_LANGUAGES, type RenderLanguage } from '../../../main/render/types.js';

interface Sample {
  readonly id: string;
  readonly language: RenderLanguage;
  readonly response: string;
}

const samples: readonly Sample[] = [
  'answers-svg-p5',
  'answers-processing-tikz',
  'answers-matplotlib-turtle',
].flatMap((name) =>
  readFileSync(path.join('resources', 'samples', `${name}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Sample),
);

describe('code extraction on the real sample answers', () => {
  it('finds code in the requested language in all 96 answers', () => {
    expect(samples).toHaveLength(96);
    for (const sample of samples) {
      const result = extractCode(sample.language, sample.response);
      expect(result.kind, sample.id).toBe('code');
    }
  });

  it('reports every answer as wrong_language when another language is asked', () => {
    for (const sample of samples) {
      for (const other of RENDER_LANGUAGES.filter((l) => l !== sample.language)) {
        const result = extractCode(other, sample.response);
        expect(result.kind, `${sample.id} as ${other}`).toBe('wrong_language');
        if (result.kind === 'wrong_language') expect(result.detected).toBe(sample.language);
      }
    }
  });

  it('keeps the first complete program and leaves out alternatives and snippets', () => {
    const p5 = samples.find((s) => s.id === 'ds05-p5js')!;
    const code = extractCode('p5js', p5.response);
    expect(code.kind === 'code' && code.code).toContain('WEBGL');
    expect(code.kind === 'code' && code.code.match(/function setup/g)).toHaveLength(1);
    const svg = extractCode('svg', samples.find((s) => s.id === 'ds02-svg')!.response);
    expect(svg.kind === 'code' && svg.code.match(/<svg/g)).toHaveLength(1);
    const mpl = extractCode('matplotlib', samples.find((s) => s.id === 'ds02-matplotlib')!.response);
    expect(mpl.kind === 'code' && mpl.code).not.toContain('plt.show()');
  });
});

describe('code extraction edge cases', () => {
  it('joins a Processing sketch split over two blocks', () => {
    const answer =
      'First:\n```java\nint n = 5;\nvoid setup() {\n  size(200, 200);\n}\n```\nThen:\n```\nvoid draw() {\n  ellipse(100, 100, n, n);\n}\n```';
    const result = extractCode('processing', answer);
    expect(result.kind).toBe('code');
    expect(result.kind === 'code' && result.code).toMatch(/void setup[\s\S]*void draw/);
  });

  it('takes the inline script of an HTML page (p5.js) and ignores the library tag', () => {
    const answer =
      '```html\n<html><head><script src="https://cdn/p5.min.js"></script></head><body>\n<script>\nfunction setup() { createCanvas(100, 100); }\nfunction draw() { circle(50, 50, 20); }\n</script></body></html>\n```';
    const result = extractCode('p5js', answer);
    expect(result.kind === 'code' && result.code.trim().startsWith('function setup')).toBe(true);
  });

  it('finds SVG inside HTML and inside prose without fences', () => {
    const html = '<html><body><svg width="10" height="10"><rect width="5" height="5"/></svg></body></html>';
    expect(extractCode('svg', html)).toMatchObject({
      kind: 'code',
      code: '<svg width="10" height="10"><rect width="5" height="5"/></svg>',
    });
    const prose = 'Sure! <svg viewBox="0 0 1 1"><circle r="1"/></svg> Enjoy.';
    expect(extractCode('svg', prose)).toMatchObject({
      kind: 'code',
      code: '<svg viewBox="0 0 1 1"><circle r="1"/></svg>',
    });
  });

  it('wraps a bare tikzpicture in a standalone document and keeps a full one as is', () => {
    const bare = extractCode('tikz', '\\begin{tikzpicture}\\draw (0,0) -- (1,1);\\end{tikzpicture}');
    expect(bare.kind === 'code' && bare.code).toMatch(
      /^\\documentclass\[tikz[^\]]*\]\{standalone\}[\s\S]*\\end\{document\}/,
    );
    const full =
      '\\documentclass{standalone}\\usepackage{tikz}\\begin{document}\\tikz\\draw (0,0) circle (1);\\end{document}';
    expect(extractCode('tikz', `\`\`\`latex\n${full}\n\`\`\``)).toMatchObject({ kind: 'code', code: full });
  });

  it('answers no_code for prose and wrong_language for Python asked as p5.js', () => {
    expect(extractCode('svg', 'I cannot draw that, sorry.').kind).toBe('no_code');
    expect(
      extractCode('p5js', '```python\nimport turtle\nturtle.forward(10)\nturtle.done()\n```'),
    ).toMatchObject({
      kind: 'wrong_language',
      detected: 'turtle',
    });
  });

  it('neutralises blocking calls of turtle and matplotlib', () => {
    const turtle = extractCode(
      'turtle',
      '```python\nimport turtle\nt = turtle.Turtle()\nt.forward(5)\nscreen = turtle.Screen()\nscreen.exitonclick()\nturtle.done()\nturtle.mainloop()\n```',
    );
    expect(turtle.kind === 'code' && turtle.code).not.toMatch(/exitonclick|done\(|mainloop/);
    const mpl = extractCode(
      'matplotlib',
      '```py\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n```',
    );
    expect(mpl.kind === 'code' && mpl.code).toBe('import matplotlib.pyplot as plt\nplt.plot([1, 2])\nNone');
  });
});
