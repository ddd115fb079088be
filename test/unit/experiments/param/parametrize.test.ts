import { describe, expect, it } from 'vitest';
import { parametrize, type ParamPlan } from '../../../../main/experiments/draw/param/parametrize.js';
import { extractCode } from '../../../../main/render/extract/extract-code.js';
import type { RenderLanguage } from '../../../../main/render/types.js';
import {
  MATPLOTLIB_NO_FUNCTION,
  MATPLOTLIB_ROCKET,
  P5_CACTUS,
  PROCESSING_MUG,
  SVG_MUG,
  TIKZ_NO_MACRO,
  TIKZ_UMBRELLA,
  TURTLE_UMBRELLA,
} from '../../../fixtures/experiments/recorded/function-answers.js';

function codeOf(language: RenderLanguage, answer: string): string {
  const extraction = extractCode(language, answer);
  if (extraction.kind !== 'code') throw new Error(`no ${language} code`);
  return extraction.code;
}

function planOf(language: RenderLanguage, answer: string): ParamPlan {
  const result = parametrize(language, codeOf(language, answer));
  if (result.kind !== 'plan') throw new Error(result.message);
  return result.plan;
}

const variedNames = (plan: ParamPlan): string[] => plan.varied.map((i) => plan.fn.params[i]!.name);

describe('finding the drawing function of a param answer', () => {
  it('picks the Python function the program calls, not the helper it calls itself', () => {
    const plan = planOf('matplotlib', MATPLOTLIB_ROCKET);
    expect(plan.fn.name).toBe('draw_rocket');
    expect(variedNames(plan)).toEqual(['x', 'y', 'body_width', 'body_height', 'fins', 'window_radius']);
    expect(plan.kinds).toEqual(['float', 'float', 'float', 'float', 'int', 'float']);
    expect(plan.calls).toHaveLength(1);
    // Strings and the required `ax` are never varied.
    expect(plan.fn.params.map((p) => p.kind)).toEqual([
      'other',
      'float',
      'float',
      'float',
      'float',
      'int',
      'float',
      'string',
      'string',
    ]);
  });

  it('keeps a Python function that is never called, with defaults for every parameter', () => {
    const plan = planOf('turtle', TURTLE_UMBRELLA);
    expect(plan.fn.name).toBe('draw_umbrella');
    expect(plan.calls).toHaveLength(0);
    expect(variedNames(plan)).toEqual(['x', 'y', 'radius', 'ribs', 'handle_length']);
  });

  it('reads p5.js defaults and skips the setup/draw entry points', () => {
    const plan = planOf('p5js', P5_CACTUS);
    expect(plan.fn.name).toBe('drawCactus');
    expect(variedNames(plan)).toEqual(['x', 'y', 'h', 'armCount', 'potWidth']);
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0]!.args.map((a) => a.value)).toEqual(['width / 2', '330', '160']);
  });

  it('takes Processing kinds from the types and values from the call', () => {
    const plan = planOf('processing', PROCESSING_MUG);
    expect(plan.fn.name).toBe('drawMug');
    expect(variedNames(plan)).toEqual(['x', 'y', 'w', 'h', 'steamLines']);
    expect(plan.kinds).toEqual(['float', 'float', 'float', 'float', 'int']);
  });

  it('reads a TikZ macro: the optional argument’s default, the other kinds from its use', () => {
    const plan = planOf('tikz', TIKZ_UMBRELLA);
    expect(plan.fn.name).toBe('umbrella');
    expect(variedNames(plan)).toEqual(['#1', '#2', '#3', '#4']);
    expect(plan.kinds).toEqual(['float', 'float', 'int', 'int']);
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0]!.args.map((a) => a.value)).toEqual(['1.0', '0.5', '0', '5']);
  });

  it('says clearly why SVG, macro-less TikZ and function-less answers cannot be varied', () => {
    const svg = parametrize('svg', codeOf('svg', SVG_MUG));
    const tikz = parametrize('tikz', codeOf('tikz', TIKZ_NO_MACRO));
    const none = parametrize('matplotlib', codeOf('matplotlib', MATPLOTLIB_NO_FUNCTION));
    expect(svg).toMatchObject({ kind: 'error', message: expect.stringMatching(/SVG has no functions/) });
    expect(tikz).toMatchObject({ kind: 'error', message: 'No macro with arguments found in the code.' });
    expect(none).toMatchObject({ kind: 'error', message: 'No function definition found in the code.' });
  });

  it('is not fooled by brackets and names inside strings and comments', () => {
    const code = [
      'def draw_kite(x=1.5, label="draw_kite(", n=3):  # draw_kite(0) in a comment',
      '    print("(", x, n)',
      '',
      'draw_kite(x=2.0)',
      's = "draw_kite(99)"',
    ].join('\n');
    const result = parametrize('matplotlib', code);
    if (result.kind !== 'plan') throw new Error(result.message);
    expect(result.plan.calls).toHaveLength(1);
    expect(variedNames(result.plan)).toEqual(['x', 'n']);
  });

  it('reports a JavaScript function the sketch never calls', () => {
    const code =
      'function setup() { createCanvas(100, 100); }\nfunction drawSun(r = 40) { circle(50, 50, r); }\n';
    expect(parametrize('p5js', code)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/never calls drawSun/),
    });
  });

  it('reads p5.js arrow functions and Python keyword-only parameters', () => {
    const sketch = [
      'const drawKite = (x = 100, tail = 3, label = "kite") => { line(x, 0, x, tail * 10); };',
      'function draw() { drawKite(50); }',
    ].join('\n');
    const js = parametrize('p5js', sketch);
    if (js.kind !== 'plan') throw new Error(js.message);
    expect(js.plan.fn.name).toBe('drawKite');
    expect(variedNames(js.plan)).toEqual(['x', 'tail']);
    const python = 'def sun(*, r=2.5, rays=8, **style):\n    pass\n\nsun(r=3)\n';
    const py = parametrize('matplotlib', python);
    if (py.kind !== 'plan') throw new Error(py.message);
    expect(variedNames(py.plan)).toEqual(['r', 'rays']);
  });

  it('ignores Processing class methods and calls with another overload’s arity', () => {
    const sketch = [
      'class Star { void show(float s) { ellipse(0, 0, s, s); } }',
      'void tree(float x, float h) { line(x, 300, x, 300 - h); }',
      'void tree(float x) { tree(x, 80); }',
      'void draw() { new Star().show(5); tree(100, 120); tree(40); }',
    ].join('\n');
    const result = parametrize('processing', sketch);
    if (result.kind !== 'plan') throw new Error(result.message);
    expect(result.plan.fn.name).toBe('tree');
    expect(result.plan.fn.params).toHaveLength(2);
    // The one-argument overload calls the two-argument one: that call is rewritten too; `tree(40)` is not.
    expect(result.plan.calls.map((c) => c.args.map((a) => a.value))).toEqual([
      ['x', '80'],
      ['100', '120'],
    ]);
  });
});
