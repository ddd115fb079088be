/**
 * Pillow's resampling (`Image.resize(..., BICUBIC)`, the `reducing_gap=None` path) re-implemented
 * exactly, because the reference metrics are defined by it: clean-fid resizes each channel as a
 * float32 ('F' mode) image, and CLIP's processors resize the 8-bit RGB image. Separable:
 * horizontal pass, then vertical, with the filter stretched by the downscale factor (anti-aliased).
 */

/** Pillow's bicubic kernel (a = −0.5) and its support. */
function bicubic(x: number): number {
  const a = -0.5;
  const t = Math.abs(x);
  if (t < 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2) return (((t - 5) * t + 8) * t - 4) * a;
  return 0;
}
const SUPPORT = 2;

/** Per output index: the first input index and the normalised weights (Pillow's precompute_coeffs). */
export interface Coefficients {
  readonly first: Int32Array;
  readonly weights: ReadonlyArray<Float64Array>;
}

/** Coefficients for resizing `inSize` samples to `outSize`. */
export function bicubicCoefficients(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = SUPPORT * filterScale;
  const inverse = 1 / filterScale; // Pillow multiplies by the inverse; dividing can differ in the last bit
  const first = new Int32Array(outSize);
  const weights: Float64Array[] = [];
  for (let xx = 0; xx < outSize; xx++) {
    const centre = (xx + 0.5) * scale;
    const xmin = Math.max(0, Math.trunc(centre - support + 0.5));
    const xmax = Math.min(inSize, Math.trunc(centre + support + 0.5)) - xmin;
    const k = new Float64Array(Math.max(0, xmax));
    let total = 0;
    for (let x = 0; x < xmax; x++) {
      k[x] = bicubic((x + xmin - centre + 0.5) * inverse);
      total += k[x]!;
    }
    if (total !== 0) for (let x = 0; x < xmax; x++) k[x] = k[x]! / total;
    first[xx] = xmin;
    weights.push(k);
  }
  return { first, weights };
}

/**
 * Resizes a float32 single-channel image (Pillow mode 'F'): float64 accumulation, float32 storage
 * between and after the passes, as Pillow does.
 */
export function resizeFloatChannel(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const horizontal = bicubicCoefficients(width, outWidth);
  const vertical = bicubicCoefficients(height, outHeight);
  const mid = new Float32Array(outWidth * height);
  for (let y = 0; y < height; y++)
    for (let xx = 0; xx < outWidth; xx++) {
      const k = horizontal.weights[xx]!;
      const x0 = horizontal.first[xx]!;
      let s = 0;
      for (let i = 0; i < k.length; i++) s += src[y * width + x0 + i]! * k[i]!;
      mid[y * outWidth + xx] = s;
    }
  const out = new Float32Array(outWidth * outHeight);
  for (let yy = 0; yy < outHeight; yy++) {
    const k = vertical.weights[yy]!;
    const y0 = vertical.first[yy]!;
    for (let x = 0; x < outWidth; x++) {
      let s = 0;
      for (let i = 0; i < k.length; i++) s += mid[(y0 + i) * outWidth + x]! * k[i]!;
      out[yy * outWidth + x] = s;
    }
  }
  return out;
}

/** Pillow's fixed-point precision for 8-bit resampling. */
const PRECISION_BITS = 32 - 8 - 2;

/** Weights as Pillow's 8-bit path rounds them (to 22-bit fixed point). */
function fixedPoint(weights: Float64Array): Int32Array {
  const scale = 1 << PRECISION_BITS;
  return Int32Array.from(weights, (w) =>
    w < 0 ? Math.trunc(-0.5 + w * scale) : Math.trunc(0.5 + w * scale),
  );
}

const clip8 = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : v);

/**
 * One 8-bit pass over interleaved RGB: `count` lines of `inLength` pixels each, resampled to
 * `outLength`. `pixel(line, i)` gives the byte offset of pixel i of a line.
 */
function pass8(
  src: Uint8Array,
  dst: Uint8Array,
  coefficients: Coefficients,
  lines: number,
  srcAt: (line: number, i: number) => number,
  dstAt: (line: number, i: number) => number,
): void {
  const fixed = coefficients.weights.map(fixedPoint);
  const half = 1 << (PRECISION_BITS - 1);
  for (let line = 0; line < lines; line++)
    for (let o = 0; o < fixed.length; o++) {
      const k = fixed[o]!;
      const start = coefficients.first[o]!;
      for (let c = 0; c < 3; c++) {
        let s = half;
        for (let i = 0; i < k.length; i++) s += src[srcAt(line, start + i) + c]! * k[i]!;
        dst[dstAt(line, o) + c] = clip8(Math.floor(s / (1 << PRECISION_BITS)));
      }
    }
}

/** Resizes an 8-bit RGB image exactly as Pillow's `resize((w, h), Image.BICUBIC)`. */
export function resizeRgb8(
  src: Uint8Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Uint8Array {
  let current = src;
  let currentWidth = width;
  if (outWidth !== width) {
    const mid = new Uint8Array(outWidth * height * 3);
    pass8(
      src,
      mid,
      bicubicCoefficients(width, outWidth),
      height,
      (y, i) => (y * width + i) * 3,
      (y, o) => (y * outWidth + o) * 3,
    );
    current = mid;
    currentWidth = outWidth;
  }
  if (outHeight === height) return current === src ? Uint8Array.from(src) : current;
  const out = new Uint8Array(currentWidth * outHeight * 3);
  const w = currentWidth;
  const from = current;
  pass8(
    from,
    out,
    bicubicCoefficients(height, outHeight),
    w,
    (x, i) => (i * w + x) * 3,
    (x, o) => (o * w + x) * 3,
  );
  return out;
}
