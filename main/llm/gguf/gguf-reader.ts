/**
 * Parses the header of a GGUF file (metadata and tensor table) from a byte buffer, without the
 * weights. Every length is bounded, so a corrupt or hostile file ends in a GgufError, never a crash.
 */
import { GgufError } from './gguf-error.js';

/** A metadata value as stored (u64/i64 become bigint only beyond 2^53). */
export type GgufValue = number | bigint | boolean | string | ReadonlyArray<GgufValue>;

/** One entry of the tensor table. */
export interface GgufTensorInfo {
  readonly name: string;
  /** Dimensions, innermost first. */
  readonly dims: readonly number[];
  /** ggml type id of the tensor data. */
  readonly type: number;
  readonly offset: bigint;
}

/** The parsed header. */
export interface GgufHeader {
  readonly version: number;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  readonly tensors: readonly GgufTensorInfo[];
  /** Bytes from the start of the file to the end of the tensor table. */
  readonly headerBytes: number;
}

/** Thrown when the buffer ends before the header does; the caller reads more and retries. */
export class NeedMoreBytes extends Error {}

const MAX_STRING = 64 * 1024 * 1024;
const MAX_COUNT = 50_000_000;
const MAX_DIMS = 8;

class Cursor {
  pos = 0;
  constructor(
    private readonly buf: Buffer,
    private readonly complete: boolean,
  ) {}
  private need(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.complete)
      throw new GgufError('truncated', 'The file ends inside its GGUF header (truncated download?).');
    throw new NeedMoreBytes();
  }
  u8(): number {
    this.need(1);
    return this.buf.readUInt8(this.pos++);
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    this.need(8);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }
  count(what: string, limit = MAX_COUNT): number {
    const n = this.u64();
    if (n > BigInt(limit)) throw new GgufError('malformed', `Implausible ${what} (${n}) in the GGUF header.`);
    return Number(n);
  }
  string(): string {
    const n = this.count('string length', MAX_STRING);
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  fixed(type: number): GgufValue {
    const at = this.pos;
    const size = [1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8][type] ?? 0;
    this.need(size);
    this.pos += size;
    const b = this.buf;
    switch (type) {
      case 0:
        return b.readUInt8(at);
      case 1:
        return b.readInt8(at);
      case 2:
        return b.readUInt16LE(at);
      case 3:
        return b.readInt16LE(at);
      case 4:
        return b.readUInt32LE(at);
      case 5:
        return b.readInt32LE(at);
      case 6:
        return b.readFloatLE(at);
      case 7:
        return b.readUInt8(at) !== 0;
      case 10:
        return small(b.readBigUInt64LE(at));
      case 11:
        return small(b.readBigInt64LE(at));
      case 12:
        return b.readDoubleLE(at);
      default:
        throw new GgufError('malformed', `Unknown GGUF metadata type ${type}.`);
    }
  }
}

function small(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function readValue(c: Cursor, type: number, depth = 0): GgufValue {
  if (type === 8) return c.string();
  if (type !== 9) return c.fixed(type);
  if (depth > 2) throw new GgufError('malformed', 'GGUF arrays nested too deeply.');
  const elementType = c.u32();
  const n = c.count('array length');
  const out: GgufValue[] = [];
  for (let i = 0; i < n; i++) out.push(readValue(c, elementType, depth + 1));
  return out;
}

function readTensor(c: Cursor): GgufTensorInfo {
  const name = c.string();
  const nDims = c.u32();
  if (nDims === 0 || nDims > MAX_DIMS)
    throw new GgufError('malformed', `Tensor ${name} has ${nDims} dimensions.`);
  const dims: number[] = [];
  for (let d = 0; d < nDims; d++) dims.push(c.count(`dimension of ${name}`, Number.MAX_SAFE_INTEGER));
  return { name, dims, type: c.u32(), offset: c.u64() };
}

/**
 * Parses a header from `buf`. `complete` says whether `buf` is the whole file: if not, a header
 * longer than the buffer throws NeedMoreBytes; if so, it is a truncated file.
 */
export function parseGgufHeader(buf: Buffer, complete: boolean): GgufHeader {
  const c = new Cursor(buf, complete);
  if (buf.length >= 4 && buf.toString('latin1', 0, 4) !== 'GGUF') {
    throw new GgufError('not_gguf', 'Not a GGUF file (the first bytes are not "GGUF").');
  }
  c.u32();
  const version = c.u32();
  if (version !== 2 && version !== 3) {
    throw new GgufError('unsupported_version', `GGUF version ${version} is not supported (only 2 and 3).`);
  }
  const tensorCount = c.count('tensor count', 1_000_000);
  const kvCount = c.count('metadata count', 1_000_000);
  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < kvCount; i++) {
    const key = c.string();
    metadata.set(key, readValue(c, c.u32()));
  }
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) tensors.push(readTensor(c));
  return { version, metadata, tensors, headerBytes: c.pos };
}
