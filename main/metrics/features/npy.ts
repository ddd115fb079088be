/**
 * A reader for NumPy `.npy` feature files (format versions 1–3): a 2-D array of little-endian
 * float32 or float64 in C order, as `np.save(path, features)` writes it. Anything else is refused
 * with a message naming what was found, never guessed at.
 */
import { readFile } from 'node:fs/promises';
import { matrixFrom, type Matrix } from '../linalg/matrix.js';

const MAGIC = '\x93NUMPY';

/** The parsed header of a .npy file. */
export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: ReadonlyArray<number>;
  /** Byte offset of the data. */
  readonly dataOffset: number;
}

/** A .npy file that this reader refuses; the message says why. */
export class NpyFormatError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'NpyFormatError';
  }
}

/** Parses the header of a .npy file's bytes. */
export function parseNpyHeader(bytes: Buffer, file = '.npy file'): NpyHeader {
  if (bytes.length < 10 || bytes.toString('latin1', 0, 6) !== MAGIC)
    throw new NpyFormatError(file, 'not a NumPy .npy file (no \\x93NUMPY magic)');
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw new NpyFormatError(file, `unsupported .npy format version ${major}`);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = 8 + lengthBytes;
  if (bytes.length < start + headerLength) throw new NpyFormatError(file, 'truncated header');
  const text = bytes.toString(major === 3 ? 'utf8' : 'latin1', start, start + headerLength);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new NpyFormatError(file, `malformed header ${JSON.stringify(text.trim())}`);
  const shape = shapeText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const n = Number(part.replace(/L$/, ''));
      if (!Number.isSafeInteger(n) || n < 0) throw new NpyFormatError(file, `bad shape (${shapeText})`);
      return n;
    });
  return { descr, fortranOrder: fortran === 'True', shape, dataOffset: start + headerLength };
}

/** Bytes per element of the dtypes this reader accepts. */
const ELEMENT_SIZE: Readonly<Record<string, 4 | 8>> = { '<f4': 4, '<f8': 8 };

/** Reads an N×D float32/float64 feature matrix from .npy bytes, widened to float64. */
export function decodeNpyFeatures(bytes: Buffer, file = '.npy file'): Matrix {
  const header = parseNpyHeader(bytes, file);
  const size = ELEMENT_SIZE[header.descr];
  if (size === undefined) {
    const hint = header.descr.startsWith('>')
      ? ' (big-endian: save with arr.astype("<f4") or "<f8")'
      : ' (expected float32 <f4 or float64 <f8)';
    throw new NpyFormatError(file, `unsupported dtype ${header.descr}${hint}`);
  }
  if (header.fortranOrder)
    throw new NpyFormatError(file, 'Fortran-ordered array: save np.ascontiguousarray(features)');
  if (header.shape.length !== 2)
    throw new NpyFormatError(
      file,
      `expected a 2-D N×D feature matrix, found shape (${header.shape.join(', ')})`,
    );
  const [rows, cols] = header.shape as [number, number];
  const expected = rows * cols * size;
  const available = bytes.length - header.dataOffset;
  if (available < expected)
    throw new NpyFormatError(file, `truncated data: ${available} bytes for ${rows}×${cols} ${header.descr}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, expected);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++)
    values[i] = size === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i]!))
      throw new NpyFormatError(file, `non-finite value at row ${Math.floor(i / cols)}, column ${i % cols}`);
  return matrixFrom(rows, cols, values);
}

/** Reads a feature matrix from a .npy file. */
export async function readNpyFeatures(file: string): Promise<Matrix> {
  return decodeNpyFeatures(await readFile(file), file);
}
