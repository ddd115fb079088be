/** Structural PNG validation: signature, chunk lengths and CRCs, IHDR first, IEND last. */
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Images larger than this on a side are refused: no renderer of ours produces them. */
const MAX_SIDE = 16_384;

/** What a valid PNG header says. */
export interface PngInfo {
  readonly width: number;
  readonly height: number;
}

/** Why bytes are not a valid PNG. */
export class PngError extends Error {
  override readonly name = 'PngError';
}

/** Validates the whole chunk structure of a PNG and returns its size; throws {@link PngError}. */
export function readPngInfo(bytes: Uint8Array): PngInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE))
    throw new PngError('not a PNG (bad signature)');
  let offset = 8;
  let info: PngInfo | null = null;
  let sawData = false;
  while (offset < buf.length) {
    if (offset + 12 > buf.length) throw new PngError(`truncated chunk header at byte ${offset}`);
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > buf.length) throw new PngError(`truncated ${type} chunk at byte ${offset}`);
    const crc = buf.readUInt32BE(end - 4);
    if (crc32(buf.subarray(offset + 4, end - 4)) !== crc)
      throw new PngError(`bad CRC in ${type} chunk at byte ${offset}`);
    if (info === null) {
      if (type !== 'IHDR' || length !== 13) throw new PngError('first chunk is not IHDR');
      info = { width: buf.readUInt32BE(offset + 8), height: buf.readUInt32BE(offset + 12) };
      if (info.width < 1 || info.height < 1 || info.width > MAX_SIDE || info.height > MAX_SIDE) {
        throw new PngError(`implausible size ${info.width}x${info.height}`);
      }
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw new PngError('no IDAT chunk');
      return info;
    }
    offset = end;
  }
  throw new PngError('missing IEND chunk');
}
