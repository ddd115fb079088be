/**
 * Streams a file as UTF-8 text in chunks, never holding it whole: hashes the bytes as they pass,
 * strips a UTF-8 byte-order mark, and turns every encoding problem into an {@link ImportError} that
 * names the line (UTF-16, invalid UTF-8, compressed archives, binary data).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { ImportError } from './import-error.js';
import { countLineFeeds, firstInvalidUtf8 } from './utf8.js';

/** Chunk size of the underlying read stream: small enough to keep memory flat. */
const CHUNK_BYTES = 64 * 1024;

/** One file read once as text; `sha256` is available after {@link TextFile.chunks} is exhausted. */
export class TextFile {
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  /** Line feeds in the text handed out so far (locates errors found in the next chunk). */
  private lineFeeds = 0;
  private byteCount = 0;

  constructor(readonly file: string) {}

  /** SHA-256 (hex) of the bytes read; throws if the file has not been read to the end. */
  get sha256(): string {
    if (this.digest === null) throw new Error(`${this.file} has not been read to the end`);
    return this.digest;
  }

  /** How many bytes have been read so far. */
  get bytesRead(): number {
    return this.byteCount;
  }

  /** The decoded text, chunk by chunk. */
  async *chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let first = true;
    for await (const raw of this.open()) {
      const bytes = raw as Buffer;
      if (first) this.checkStart(bytes);
      first = false;
      this.hash.update(bytes);
      this.byteCount += bytes.length;
      const text = this.decode(decoder, bytes);
      this.lineFeeds += countLineFeeds(bytes);
      if (text) yield text;
    }
    const rest = this.decode(decoder, undefined);
    if (rest) yield rest;
    this.digest = this.hash.digest('hex');
  }

  private open(): AsyncIterable<unknown> {
    const stream = createReadStream(this.file, { highWaterMark: CHUNK_BYTES });
    return (async function* guarded(file: string) {
      try {
        yield* stream;
      } catch (error) {
        throw readFailure(file, error);
      } finally {
        stream.destroy();
      }
    })(this.file);
  }

  private decode(decoder: TextDecoder, bytes: Buffer | undefined): string {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      const at = bytes ? firstInvalidUtf8(bytes) : -1;
      const offset = at < 0 ? (bytes?.length ?? 0) : at;
      const line = this.lineFeeds + (bytes ? countLineFeeds(bytes, offset) : 0) + 1;
      const byte = bytes?.[offset];
      throw new ImportError({
        file: this.file,
        line,
        expected: 'UTF-8 text',
        found:
          byte === undefined
            ? 'a UTF-8 sequence cut off by the end of the file'
            : `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}, which is not valid UTF-8`,
        hint: 'save the file as UTF-8',
      });
    }
  }

  /** Recognises files that are clearly not UTF-8 text from their first bytes. */
  private checkStart(bytes: Buffer): void {
    const fail = (found: string, hint: string, line = 1): never => {
      throw new ImportError({ file: this.file, line, expected: 'UTF-8 text', found, hint });
    };
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      fail('UTF-16 (it starts with a UTF-16 byte-order mark)', 'file is UTF-16; save it as UTF-8');
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) fail('gzip-compressed data', 'decompress it first');
    if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      fail('a ZIP archive', 'extract the file from the archive first');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      fail(
        'NUL bytes (UTF-16 without a byte-order mark, or a binary file)',
        'save it as UTF-8',
        countLineFeeds(bytes, nul) + 1,
      );
    }
  }
}

/** Turns a file-system error into an ImportError about the file as a whole. */
function readFailure(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const found =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'a directory'
        : code === 'EACCES'
          ? 'a file it may not read (permission denied)'
          : null;
  if (found === null) return error instanceof Error ? error : new Error(String(error));
  return new ImportError({ file, line: 0, expected: 'a readable file', found });
}
