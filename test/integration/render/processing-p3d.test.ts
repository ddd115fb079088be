import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderService } from '../../../main/render/render-answer.js';
import { decodeRgba, differingFraction, pixelAt } from '../../fixtures/render/pixels.js';

// Processing P3D: origin at the top-left, default camera at (w/2, h/2, (h/2)/tan 30°) looking at
// the canvas centre. Expected geometry is computed here from that camera, not from the renderer.
const service = new RenderService(undefined, 1);
afterAll(() => service.dispose());

const EYE = 200 / Math.tan(Math.PI / 6); // eye distance for a 400-pixel-high sketch

function sketch(setup: string, draw: string): string {
  return `\`\`\`processing\nvoid setup() {\n  ${setup}\n}\nvoid draw() {\n  ${draw}\n}\n\`\`\``;
}

async function render(code: string, size = 400): Promise<Uint8Array> {
  const outcome = await service.renderAnswer('processing', code, { size });
  expect(outcome.status, outcome.error).toBe('ok');
  return outcome.png!;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly count: number;
}

/** Bounding box of the pixels that `match` accepts. */
function boundsOf(png: Uint8Array, match: (r: number, g: number, b: number) => boolean): Box {
  const { width, height, data } = decodeRgba(png);
  let [left, top, right, bottom, count] = [width, height, -1, -1, 0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (!match(data[i]!, data[i + 1]!, data[i + 2]!)) continue;
      [left, top, right, bottom] = [
        Math.min(left, x),
        Math.min(top, y),
        Math.max(right, x),
        Math.max(bottom, y),
      ];
      count += 1;
    }
  return { left, top, right: right + 1, bottom: bottom + 1, count };
}

const red = (r: number, g: number, b: number): boolean => r > 200 && g < 60 && b < 60;

describe('Processing P3D through the 3D scene', () => {
  it('centres a box translated to (width/2, height/2, 0), in perspective and ortho', async () => {
    // The front face (z = 50) of a 100-unit cube on the axis: scaled by d / (d - 50), or 1 in ortho.
    for (const [camera, side] of [
      ['', (100 * EYE) / (EYE - 50)],
      ['ortho();', 100],
    ] as const) {
      const png = await render(
        sketch(
          'size(400, 400, P3D);',
          `background(255); ${camera} noStroke(); fill(255, 0, 0); translate(width/2, height/2, 0); box(100);`,
        ),
      );
      expect(pixelAt(png, 200, 200)).toEqual([255, 0, 0]);
      const box = boundsOf(png, red);
      for (const [edge, expected] of [
        [box.left, 200 - side / 2],
        [box.top, 200 - side / 2],
        [box.right, 200 + side / 2],
        [box.bottom, 200 + side / 2],
      ] as const)
        expect(Math.abs(edge - expected)).toBeLessThan(2);
    }
  });

  it('puts a box at (100, 100, 0) in the top-left quadrant (OPENGL is P3D)', async () => {
    const png = await render(
      sketch(
        'size(400, 400, OPENGL);',
        'background(255); noStroke(); fill(255, 0, 0); translate(100, 100, 0); box(60);',
      ),
    );
    const box = boundsOf(png, red);
    expect(box.count).toBeGreaterThan(3000);
    expect(box.right).toBeLessThanOrEqual(200);
    expect(box.bottom).toBeLessThanOrEqual(200);
    // Perspective pushes the front face (z = 30) away from the centre: its centre is at
    // 200 - 100 · d / (d - 30) on both axes.
    const front = 200 - (100 * EYE) / (EYE - 30);
    expect(Math.abs(box.left - (front - (30 * EYE) / (EYE - 30)))).toBeLessThan(2);
    expect(pixelAt(png, 300, 300)).toEqual([255, 255, 255]);
  });

  it('maps the z = 0 plane one to one: a vertex shape matches its 2D drawing', async () => {
    const png = await render(
      sketch(
        'size(400, 400, P3D);',
        'background(255); noStroke(); fill(0, 0, 255); beginShape(); vertex(50, 60, 0); vertex(350, 80, 0); vertex(180, 340, 0); endShape(CLOSE);',
      ),
    );
    const canvas = createCanvas(400, 400);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.fillStyle = '#0000ff';
    ctx.beginPath();
    ctx.moveTo(50, 60);
    ctx.lineTo(350, 80);
    ctx.lineTo(180, 340);
    ctx.fill();
    expect(differingFraction(png, new Uint8Array(canvas.encodeSync('png')))).toBeLessThan(0.01);
  });

  it('draws a sphere with the silhouette radius of the perspective camera', async () => {
    const png = await render(
      sketch(
        'size(400, 400, P3D);',
        'background(255); noStroke(); fill(0, 0, 255); translate(200, 200, 0); sphere(80);',
      ),
    );
    expect(pixelAt(png, 200, 200)).toEqual([0, 0, 255]);
    const blue = boundsOf(png, (r, g, b) => b > 200 && r < 60 && g < 60);
    const radius = (EYE * 80) / Math.sqrt(EYE * EYE - 80 * 80); // tangent cone from the eye
    expect(Math.abs((blue.right - blue.left) / 2 - radius) / radius).toBeLessThan(0.04);
  });

  it('shades a lit, rotated box per face, deterministically, and the default camera() changes nothing', async () => {
    const draw =
      'background(0); lights(); fill(255, 0, 0); stroke(0); pushMatrix(); translate(200, 200, 0); rotateX(0.6); rotateY(0.8); box(150, 120, 90); popMatrix();';
    const code = sketch('size(400, 400, P3D);', draw);
    const [a, b] = [await render(code), await render(code)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { data } = decodeRgba(a);
    const shades = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! > 40 && data[i + 1]! < 10) shades.set(data[i]!, (shades.get(data[i]!) ?? 0) + 1);
    // Three visible faces, three brightnesses (each a large area, not antialiased edge pixels).
    expect([...shades.values()].filter((n) => n > 1000).length).toBe(3);
    const explicit = sketch(
      'size(400, 400, P3D);',
      `camera(width/2.0, height/2.0, (height/2.0) / tan(PI/6), width/2.0, height/2.0, 0, 0, 1, 0); ${draw}`,
    );
    expect(Buffer.from(await render(explicit)).equals(Buffer.from(a))).toBe(true);
  });
});
