/**
 * A PNG decoder to 8-bit RGB: every colour type, bit depths 1–16, Adam7 interlacing, all five
 * filters. Written here rather than borrowed from a canvas so that metric inputs are exact and
 * identical on every platform (no colour management, no premultiplied alpha). Alpha is dropped,
 * as PIL's `convert('RGB')` does for the reference implementations; 16-bit samples keep their
 * high byte (Pillow does this for 16-bit colour, but clips 16-bit grey at 255: we deliberately
 * differ there).
 */
import { inflateSync } from 'node:zlib';
import { readPngInfo } from '../../store/png.js';

/** An 8-bit RGB image, row-major, 3 bytes per pixel. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

interface Header {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes PNG bytes (validated structurally first: CRCs, chunk order). */
export function decodePng(bytes: Uint8Array): RgbImage {
  readPngInfo(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | null = null;
  let palette: Buffer | null = null;
  const data: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = parseHeader(body);
    else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  if (header.colourType === 3 && !palette) throw new Error('palette PNG without PLTE');
  const raw = inflateSync(Buffer.concat(data));
  const out = new Uint8Array(header.width * header.height * 3);
  const passes = header.interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx);
    const h = Math.ceil((header.height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rows = unfilter(raw, offset, w, h, header);
    offset += h * (1 + rowBytes(w, header));
    rows.forEach((row, y) => {
      for (let x = 0; x < w; x++)
        writePixel(out, ((y0 + y * dy) * header!.width + x0 + x * dx) * 3, row, x, header!, palette);
    });
  }
  return { width: header.width, height: header.height, data: out };
}

/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function parseHeader(b: Buffer): Header {
  const header = {
    width: b.readUInt32BE(0),
    height: b.readUInt32BE(4),
    depth: b[8]!,
    colourType: b[9]!,
    interlaced: b[12] === 1,
  };
  if (CHANNELS[header.colourType] === undefined || ![1, 2, 4, 8, 16].includes(header.depth))
    throw new Error(`unsupported PNG colour type ${header.colourType} / depth ${header.depth}`);
  return header;
}

const bitsPerPixel = (h: Header): number => CHANNELS[h.colourType]! * h.depth;
const rowBytes = (w: number, h: Header): number => Math.ceil((w * bitsPerPixel(h)) / 8);

/** Undoes the per-row filters of one pass; returns its rows without the filter byte. */
function unfilter(raw: Buffer, offset: number, w: number, h: number, header: Header): Uint8Array[] {
  const stride = rowBytes(w, header);
  const bpp = Math.max(1, bitsPerPixel(header) >> 3);
  const rows: Uint8Array[] = [];
  let previous = new Uint8Array(stride);
  for (let y = 0; y < h; y++) {
    const start = offset + y * (stride + 1);
    if (start + stride + 1 > raw.length) throw new Error('PNG image data is truncated');
    const filter = raw[start]!;
    const row = Uint8Array.from(raw.subarray(start + 1, start + 1 + stride));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = previous[i]!;
      const c = i >= bpp ? previous[i - bpp]! : 0;
      row[i] = (row[i]! + predictor(filter, a, b, c)) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return rows;
}

function predictor(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`bad PNG filter type ${filter}`);
  }
}

/** Sample `index` of a row as 8 bits (low depths scaled up as PIL does, 16-bit → high byte). */
function sample(row: Uint8Array, index: number, depth: number, scale: boolean): number {
  if (depth === 8) return row[index]!;
  if (depth === 16) return row[index * 2]!;
  const perByte = 8 / depth;
  const byte = row[Math.floor(index / perByte)]!;
  const shift = 8 - depth * ((index % perByte) + 1);
  const value = (byte >> shift) & ((1 << depth) - 1);
  return scale ? Math.round((value * 255) / ((1 << depth) - 1)) : value;
}

function writePixel(
  out: Uint8Array,
  at: number,
  row: Uint8Array,
  x: number,
  h: Header,
  palette: Buffer | null,
): void {
  const n = CHANNELS[h.colourType]!;
  if (h.colourType === 3) {
    const index = sample(row, x, h.depth, false);
    out[at] = palette![index * 3] ?? 0;
    out[at + 1] = palette![index * 3 + 1] ?? 0;
    out[at + 2] = palette![index * 3 + 2] ?? 0;
    return;
  }
  if (h.colourType === 0 || h.colourType === 4) {
    const grey = sample(row, x * n, h.depth, true);
    out[at] = out[at + 1] = out[at + 2] = grey;
    return;
  }
  for (let c = 0; c < 3; c++) out[at + c] = sample(row, x * n + c, h.depth, true);
}
