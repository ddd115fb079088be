import { describe, expect, it } from 'vitest';
import {
  scaleValue,
  settingFactors,
  settingProgram,
} from '../../../../main/experiments/draw/param/arguments.js';
import { parametrize, type ParamPlan } from '../../../../main/experiments/draw/param/parametrize.js';
import { extractCode } from '../../../../main/render/extract/extract-code.js';
import type { RenderLanguage } from '../../../../main/render/types.js';
import {
  MATPLOTLIB_ROCKET,
  P5_CACTUS,
  PROCESSING_MUG,
  TIKZ_UMBRELLA,
  TURTLE_UMBRELLA,
} from '../../../fixtures/experiments/recorded/function-answers.js';

function planOf(language: RenderLanguage, answer: string): ParamPlan {
  const extraction = extractCode(language, answer);
  if (extraction.kind !== 'code') throw new Error('no code');
  const result = parametrize(language, extraction.code);
  if (result.kind !== 'plan') throw new Error(result.message);
  return result.plan;
}

describe('argument settings', () => {
  it('draws seeded factors in [0.5, 1.5]: same seed, same factors; other seed, others', () => {
    const a = settingFactors(50, 7);
    expect(settingFactors(50, 7)).toEqual(a);
    expect(settingFactors(50, 8)).not.toEqual(a);
    for (const f of a) expect(f >= 0.5 && f <= 1.5).toBe(true);
    // Spread over the range, not stuck at one end.
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.5);
  });

  it('keeps integers integral and counts at least 1', () => {
    expect(scaleValue(3, 'int', 0.5)).toBe(2);
    expect(scaleValue(1, 'int', 0.5)).toBe(1);
    expect(scaleValue(0, 'int', 1.4)).toBe(0);
    expect(scaleValue(-4, 'int', 1.5)).toBe(-6);
    expect(scaleValue(0.3, 'float', 1.234)).toBeCloseTo(0.3702, 10);
  });
});

describe('the program of a setting', () => {
  it('rewrites a Python call by keyword and adds the parameters it left to their defaults', () => {
    const plan = planOf('matplotlib', MATPLOTLIB_ROCKET);
    const factors = [1.5, 0.5, 1.25, 0.75, 1.4, 0.6];
    const { code, args } = settingProgram(plan, factors);
    expect(code).toContain(
      'draw_rocket(ax, x=0.0, y=0.25, body_height=3.0, body_width=1.5, fins=3, window_radius=0.18)',
    );
    expect(args.values).toEqual({
      x: 0,
      y: 0.25,
      body_width: 1.5,
      body_height: 3,
      fins: 3,
      window_radius: 0.18,
    });
    expect(args.factors).toMatchObject({ x: 1.5, fins: 1.4 });
    expect(args.parameters.slice(0, 2)).toEqual([
      { name: 'ax', kind: 'other', default: null },
      { name: 'x', kind: 'float', default: '0.0' },
    ]);
    expect(args.parameters.at(-1)).toEqual({ name: 'nose_color', kind: 'string', default: '"firebrick"' });
    // The helper's own call inside draw_rocket is untouched.
    expect(code).toContain('draw_fin(ax, x + side * body_width / 2, y + 1.0, side * 0.8, 1.0, nose_color)');
  });

  it('appends a call to a Python function the program never calls', () => {
    const plan = planOf('turtle', TURTLE_UMBRELLA);
    const { code } = settingProgram(plan, [1, 1, 0.5, 1.5, 1.2]);
    expect(code.trimEnd().split('\n').at(-1)).toBe(
      'draw_umbrella(x=0, y=0, radius=60, ribs=6, handle_length=180)',
    );
  });

  it('scales a p5.js expression argument and fills skipped positions with undefined', () => {
    const plan = planOf('p5js', P5_CACTUS);
    const { code, args } = settingProgram(plan, [0.5, 1, 1.5, 1, 0.8]);
    expect(code).toContain('drawCactus(round((width / 2) * 0.5), 330, 240, 2, 88);');
    expect(args.values.x).toBe('round((width / 2) * 0.5)');
  });

  it('scales the Processing call in place and nothing else', () => {
    const plan = planOf('processing', PROCESSING_MUG);
    const { code } = settingProgram(plan, [1, 1, 1.2, 0.9, 0.6]);
    expect(code).toContain('drawMug(200, 220, 168, 144, 2);');
    expect(code.replace('drawMug(200, 220, 168, 144, 2);', '')).toBe(
      plan.code.replace('drawMug(200, 220, 140, 160, 3);', ''),
    );
  });

  it('replaces the numbers of a TikZ macro use in place', () => {
    const plan = planOf('tikz', TIKZ_UMBRELLA);
    const { code, args } = settingProgram(plan, [1.5, 1.5, 1.2, 0.8]);
    expect(code).toContain('\\umbrella[1.5]{0.75}{0}{4}');
    expect(args.values).toEqual({ '#1': 1.5, '#2': 0.75, '#3': 0, '#4': 4 });
  });

  it('inserts an optional TikZ argument a use leaves out, from its default', () => {
    const code = '\\newcommand{\\kite}[2][2]{\\draw (0,0) -- (#1,#2);}\n\\kite{3} \\kiteTail{1}\n';
    const result = parametrize('tikz', code);
    if (result.kind !== 'plan') throw new Error(result.message);
    const { code: drawn } = settingProgram(result.plan, [1.5, 0.5]);
    expect(drawn).toContain('\\kite[3]{2} \\kiteTail{1}');
  });
});
