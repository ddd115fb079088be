import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNpyFeatures } from '../../../../main/metrics/features/npy.js';
import { clipInput, inceptionInput, lpipsInput } from '../../../../main/metrics/preprocess/image-tensors.js';
import { decodePng } from '../../../../main/metrics/preprocess/png-decode.js';
import { makePng } from '../../../fixtures/png.js';
import { PYTHON } from '../../../fixtures/npy/python-reference.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-pre-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reference preprocessing in Python: Pillow's resize with numpy, as clean-fid and HF CLIP do it. */
const REFERENCE = `
import sys, numpy as np
from PIL import Image
src, kind, out = sys.argv[1], sys.argv[2], sys.argv[3]
pil = Image.open(src)
if pil.mode in ('I', 'I;16'):  # 16-bit grey: Pillow's convert('RGB') clips at 255; keep the high byte
    img = np.repeat((np.asarray(pil) >> 8).astype(np.uint8)[:, :, None], 3, 2)
else:
    img = np.asarray(pil.convert('RGB'))
if kind == 'decode':
    res = img.reshape(1, -1).astype(np.float64)
elif kind == 'inception':  # clean-fid: resize each channel as a float32 'F' image, then clip
    chans = [np.asarray(Image.fromarray(img[:, :, c].astype(np.float32), mode='F')
             .resize((299, 299), resample=Image.BICUBIC)).clip(0, 255) for c in range(3)]
    res = np.stack(chans).reshape(1, -1)
else:  # HF CLIPImageProcessor: shortest edge 224 (bicubic), centre crop, rescale, normalise
    pil = Image.fromarray(img); w, h = pil.size; short, long = min(w, h), max(w, h)
    nl = int(224 * long / short); size = (224, nl) if w <= h else (nl, 224)
    r = np.asarray(pil.resize(size, resample=Image.BICUBIC))
    top, left = (r.shape[0] - 224) // 2, (r.shape[1] - 224) // 2
    r = r[top:top + 224, left:left + 224]
    r = (r.astype(np.float64) * (1 / 255)).astype(np.float32)
    mean = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
    std = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)
    res = ((r - mean) / std).transpose(2, 0, 1).reshape(1, -1)
np.save(out, res.astype(np.float64))
`;

async function reference(png: string, kind: 'decode' | 'inception' | 'clip'): Promise<Float64Array> {
  const out = path.join(dir, `${path.basename(png)}-${kind}.npy`);
  execFileSync(PYTHON, ['-c', REFERENCE, png, kind, out]);
  return (await readNpyFeatures(out)).data;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** A smooth test image (gradients and a disc): resampling errors show on edges and ramps. */
function smoothPng(width: number, height: number): Buffer {
  const file = path.join(dir, `smooth-${width}x${height}.png`);
  execFileSync(PYTHON, [
    '-c',
    `import numpy as np; from PIL import Image
y, x = np.mgrid[0:${height}, 0:${width}]
r = (x * 255 // max(${width} - 1, 1)); g = (y * 255 // max(${height} - 1, 1))
b = np.where((x - ${width} / 2) ** 2 + (y - ${height} / 2) ** 2 < (min(${width}, ${height}) / 3) ** 2, 230, 20)
Image.fromarray(np.stack([r, g, b], -1).astype(np.uint8)).save('${file}')`,
  ]);
  return readFileSync(file);
}

function saved(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('PNG decoding', () => {
  it('decodes palette, grey+alpha, 16-bit, RGBA and interlaced PNGs as Pillow convert("RGB")', async () => {
    const variants = ['P', 'LA', 'I;16', 'RGBA', 'interlaced', '1'];
    for (const mode of variants) {
      const file = path.join(dir, `variant-${mode.replace(';', '')}.png`);
      execFileSync(PYTHON, [
        '-c',
        `import numpy as np; from PIL import Image
rng = np.random.default_rng(3); a = rng.integers(0, 256, (13, 17, 4), dtype=np.uint8)
img = Image.fromarray(a, 'RGBA'); mode = '${mode}'
if mode == 'P': img.convert('RGB').quantize(16).save('${file}')
elif mode == 'LA': img.convert('LA').save('${file}')
elif mode == 'I;16': Image.fromarray((a[:, :, 0].astype(np.uint16) * 257)).save('${file}')
elif mode == '1': img.convert('1').save('${file}')
elif mode == 'RGBA': img.save('${file}')
if mode == 'interlaced':
    import zlib, struct
    # Pillow cannot write Adam7; write the RGB image as an interlaced PNG by hand.
    rgb = a[:, :, :3]; h, w = rgb.shape[:2]; raw = b''
    for x0, y0, dx, dy in [(0,0,8,8),(4,0,8,8),(0,4,4,8),(2,0,4,4),(0,2,2,4),(1,0,2,2),(0,1,1,2)]:
        sub = rgb[y0::dy, x0::dx]
        if sub.size: raw += b''.join(b'\\x00' + row.tobytes() for row in sub)
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    open('${file}', 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 1))
        + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))`,
      ]);
      const expected = await reference(file, 'decode');
      const actual = decodePng(readFileSync(file));
      expect([mode, maxAbsDiff(actual.data, expected)]).toEqual([mode, 0]);
    }
  });
});

describe('Inception preprocessing (clean-fid)', () => {
  it.each([
    ['noise 37×53 (upscale)', () => makePng(37, 53, 4)],
    ['smooth 640×360 (anti-aliased downscale)', () => smoothPng(640, 360)],
  ])('%s matches Pillow float32 bicubic + clip', async (name, make) => {
    const file = saved(`${name.split(' ')[0]}-${name.length}.png`, make());
    const actual = inceptionInput(decodePng(readFileSync(file)));
    expect(maxAbsDiff(actual, await reference(file, 'inception'))).toBeLessThanOrEqual(1e-4);
  });
});

describe('CLIP preprocessing (HF CLIPImageProcessor)', () => {
  it.each([
    ['noise 300×200', () => makePng(300, 200, 9)],
    ['smooth 257×401', () => smoothPng(257, 401)],
    ['noise 100×100 (upscale)', () => makePng(100, 100, 2)],
  ])('%s matches Pillow 8-bit bicubic, centre crop, normalise', async (name, make) => {
    const file = saved(`clip-${name.split(' ')[1]}.png`, make());
    const actual = clipInput(decodePng(readFileSync(file)));
    expect(actual.length).toBe(3 * 224 * 224);
    expect(maxAbsDiff(actual, await reference(file, 'clip'))).toBeLessThanOrEqual(1e-6);
  });
});

describe('LPIPS range', () => {
  it('maps 0 → −1 and 255 → 1, channel-planar', () => {
    const image = { width: 2, height: 1, data: Uint8Array.from([0, 255, 51, 255, 0, 102]) };
    const t = lpipsInput(image);
    expect(Array.from(t)).toEqual([-1, 1, 1, -1, 51 / 127.5 - 1, 102 / 127.5 - 1].map(Math.fround));
  });
});
