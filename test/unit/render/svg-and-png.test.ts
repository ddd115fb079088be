import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { isBlankPng } from '../../../main/render/blank.js';
import { finalisePng, fitSize } from '../../../main/render/png-output.js';
import { MAX_SVG_BYTES, sanitizeSvg } from '../../../main/render/svg/sanitize-svg.js';
import { pixelAt } from '../../fixtures/render/pixels.js';

function png(
  width: number,
  height: number,
  draw: (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void,
): Uint8Array {
  const canvas = createCanvas(width, height);
  draw(canvas.getContext('2d'));
  return new Uint8Array(canvas.encodeSync('png'));
}

describe('SVG sanitizing', () => {
  it('keeps fragment and raster data hrefs and drops everything else', () => {
    const data = 'data:image/png;base64,iVBORw0KGgo=';
    const result = sanitizeSvg(
      `<svg><use href="#a"/><image xlink:href="${data}"/><image href="/etc/passwd"/><image href="data:image/svg+xml;base64,PHN2Zz4="/><a href="https://x">l</a></svg>`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.svg).toContain('href="#a"');
    expect(result.svg).toContain(data);
    expect(result.svg).not.toMatch(/passwd|svg\+xml|https:/);
  });

  it('drops scripts, foreignObject, event handlers and non-fragment url() references', () => {
    const result = sanitizeSvg(
      '<svg onload="a()"><script>b()</script><foreignObject><div/></foreignObject><rect fill="url(/x.png)" stroke="url(#g)"/></svg>',
    );
    expect(result.ok && result.svg).toBe('<svg><rect fill="none" stroke="url(#g)"/></svg>');
  });

  it('refuses DOCTYPE/ENTITY and oversized input', () => {
    expect(sanitizeSvg('<!DOCTYPE svg><svg/>')).toMatchObject({ ok: false, status: 'compile_error' });
    expect(sanitizeSvg(`<svg>${' '.repeat(MAX_SVG_BYTES)}</svg>`)).toMatchObject({
      ok: false,
      status: 'resource_limit',
    });
  });
});

describe('PNG output and blank detection', () => {
  it('scales the long side to the size, keeps the aspect and paints transparency white', () => {
    expect(fitSize(300, 100, 512)).toEqual({ width: 512, height: 171 });
    const out = finalisePng(
      png(100, 300, () => {}),
      90,
    );
    expect([out.width, out.height]).toEqual([30, 90]);
    expect(pixelAt(out.png, 15, 45)).toEqual([255, 255, 255]);
  });

  it('is deterministic', () => {
    const input = png(64, 64, (ctx) => {
      ctx.fillStyle = '#3a7';
      ctx.arc(32, 32, 20, 0, 7);
      ctx.fill();
    });
    expect(Buffer.from(finalisePng(input, 256).png).equals(Buffer.from(finalisePng(input, 256).png))).toBe(
      true,
    );
  });

  it('calls a uniform image blank and one differing pixel not blank, even when large', () => {
    const uniform = png(2000, 1500, (ctx) => {
      ctx.fillStyle = '#123456';
      ctx.fillRect(0, 0, 2000, 1500);
    });
    expect(isBlankPng(uniform)).toBe(true);
    const dot = png(2000, 1500, (ctx) => {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 2000, 1500);
      ctx.fillStyle = '#000000';
      ctx.fillRect(1001, 701, 2, 2);
    });
    expect(isBlankPng(dot)).toBe(false);
  });
});
