import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderService } from '../../../main/render/render-answer.js';
import type { RenderLanguage } from '../../../main/render/types.js';
import { differingFraction, referenceShapes } from '../../fixtures/render/pixels.js';

// Each program draws the red square and blue disc of referenceShapes() in a 200×100 space.
const PROGRAMS: Readonly<Record<'svg' | 'p5js' | 'processing', string>> = {
  svg: '```svg\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="20" y="20" width="60" height="60" fill="#ff0000"/><circle cx="150" cy="50" r="30" fill="blue"/></svg>\n```',
  p5js: '```javascript\nfunction setup() {\n  createCanvas(200, 100);\n  noLoop();\n}\nfunction draw() {\n  background(255);\n  noStroke();\n  fill(255, 0, 0);\n  rect(20, 20, 60, 60);\n  fill(0, 0, 255);\n  ellipse(150, 50, 60, 60);\n}\n```',
  processing:
    '```processing\nvoid setup() {\n  size(200, 100);\n  noLoop();\n}\nvoid draw() {\n  background(255);\n  noStroke();\n  fill(255, 0, 0);\n  rect(20, 20, 60, 60);\n  fill(0, 0, 255);\n  ellipse(150, 50, 60, 60);\n}\n```',
};

const service = new RenderService(undefined, 1);
afterAll(() => service.dispose());

describe('golden images (tolerance against an independent @napi-rs/canvas drawing)', () => {
  for (const language of Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]) {
    it(`renders the reference shapes in ${language}`, async () => {
      const outcome = await service.renderAnswer(language as RenderLanguage, PROGRAMS[language], {
        size: 400,
      });
      expect(outcome.status, outcome.error).toBe('ok');
      expect([outcome.width, outcome.height]).toEqual([400, 200]);
      expect(differingFraction(outcome.png!, referenceShapes(400))).toBeLessThan(0.01);
    });
  }

  it('renders a p5.js instance-mode sketch like the global-mode one', async () => {
    const sketch =
      '```js\nnew p5((p) => {\n  p.setup = () => p.createCanvas(200, 100);\n  p.draw = () => {\n    p.background(255);\n    p.noStroke();\n    p.fill(255, 0, 0);\n    p.rect(20, 20, 60, 60);\n    p.fill(0, 0, 255);\n    p.circle(150, 50, 60);\n  };\n});\n```';
    const outcome = await service.renderAnswer('p5js', sketch, { size: 400 });
    expect(outcome.status, outcome.error).toBe('ok');
    expect(differingFraction(outcome.png!, referenceShapes(400))).toBeLessThan(0.01);
  });

  it('renders the same code twice to the same bytes, and a new seed to different bytes', async () => {
    const sketch =
      '```js\nfunction setup() { createCanvas(100, 100); background(255); noStroke();\n  for (let i = 0; i < 40; i++) { fill(random(255), noise(i) * 255, 0); circle(random(100), random(100), 12); } }\n```';
    const a = await service.renderAnswer('p5js', sketch, { seed: 7 });
    const b = await service.renderAnswer('p5js', sketch, { seed: 7 });
    const c = await service.renderAnswer('p5js', sketch, { seed: 8 });
    expect(a.status).toBe('ok');
    expect(Buffer.from(a.png!).equals(Buffer.from(b.png!))).toBe(true);
    expect(Buffer.from(a.png!).equals(Buffer.from(c.png!))).toBe(false);
    const svgA = await service.renderAnswer('svg', PROGRAMS.svg);
    const svgB = await service.renderAnswer('svg', PROGRAMS.svg);
    expect(Buffer.from(svgA.png!).equals(Buffer.from(svgB.png!))).toBe(true);
  });

  it('projects WEBGL boxes like p5 (default perspective camera and ortho)', async () => {
    // A 100-unit cube facing the camera: its front face (z = 50) is a centred square, scaled by
    // d / (d - 50) in perspective (d = eye distance = (h/2) / tan(30°)) and by 1 in ortho.
    const d = 100 / Math.tan(Math.PI / 6);
    for (const [camera, side] of [
      ['', (100 * d) / (d - 50)],
      ['ortho();', 100],
    ] as const) {
      const sketch = `\`\`\`js\nfunction setup() { createCanvas(200, 200, WEBGL); }\nfunction draw() { background(255); ${camera} noStroke(); fill(255, 0, 0); box(100); }\n\`\`\``;
      const outcome = await service.renderAnswer('p5js', sketch, { size: 200 });
      expect(outcome.status, outcome.error).toBe('ok');
      const canvas = createCanvas(200, 200);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 200, 200);
      ctx.fillStyle = '#ff0000';
      ctx.fillRect(100 - side / 2, 100 - side / 2, side, side);
      expect(differingFraction(outcome.png!, new Uint8Array(canvas.encodeSync('png')))).toBeLessThan(0.01);
    }
  });

  it('classifies a sketch that draws only a background as blank_image', async () => {
    const outcome = await service.renderAnswer(
      'p5js',
      '```js\nfunction setup(){ createCanvas(50, 80); background(30, 60, 90); }\n```',
    );
    expect(outcome.status).toBe('blank_image');
    expect([outcome.width, outcome.height]).toEqual([320, 512]);
  });
});
