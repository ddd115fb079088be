/**
 * A minimal POSIX ustar writer for WebDataset shards: regular files only, written straight to a
 * file descriptor (no new dependency). Each entry is a 512-byte header, the data padded to 512
 * bytes; the archive ends with two zero blocks.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BLOCK = 512;
const ZERO_BLOCKS = Buffer.alloc(BLOCK * 2);

/** Writes `value` as a NUL-terminated octal field of `width` bytes at `offset`. */
function octal(header: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  if (digits.length > width - 1) throw new RangeError(`tar field overflow: ${value}`);
  header.write(`${digits}\0`, offset, width, 'ascii');
}

/** The ustar header of one regular file. */
export function ustarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  // Entry names are generated (`<key>.<ext>`); long names would need the prefix field or pax.
  if (nameBytes.length > 100) throw new RangeError(`tar entry name longer than 100 bytes: ${name}`);
  const header = Buffer.alloc(BLOCK);
  nameBytes.copy(header, 0);
  octal(header, 100, 8, 0o644); // mode
  octal(header, 108, 8, 0); // uid
  octal(header, 116, 8, 0); // gid
  octal(header, 124, 12, size);
  octal(header, 136, 12, Math.max(0, Math.floor(mtimeSeconds)));
  header.write('        ', 148, 8, 'ascii'); // checksum counts as spaces while summing
  header.write('0', 156, 1, 'ascii'); // typeflag: regular file
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

/** An open tar file being written entry by entry. */
export class TarWriter {
  private readonly fd: number;
  private closed = false;
  /** Bytes written so far. */
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly mtimeSeconds: number,
  ) {
    this.fd = openSync(file, 'w');
  }

  /** Appends one regular file. */
  add(name: string, data: Uint8Array): void {
    this.write(ustarHeader(name, data.byteLength, this.mtimeSeconds));
    this.write(data);
    const pad = (BLOCK - (data.byteLength % BLOCK)) % BLOCK;
    if (pad > 0) this.write(Buffer.alloc(pad));
  }

  /** Writes the end-of-archive blocks and closes the file. */
  finish(): void {
    this.write(ZERO_BLOCKS);
    this.close();
  }

  /** Closes the file without finishing it (after a failure; the caller removes it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private write(data: Uint8Array): void {
    let done = 0;
    while (done < data.byteLength) done += writeSync(this.fd, data, done, data.byteLength - done);
    this.bytes += data.byteLength;
  }
}
