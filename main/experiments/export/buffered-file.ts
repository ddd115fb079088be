/** A text file written through a buffer of about 1 MiB (exports stream rows; a run can be large). */
import { closeSync, openSync, writeSync } from 'node:fs';

/** A text file open for writing. */
export class BufferedFile {
  private readonly fd: number;
  private buffer = '';
  /** UTF-8 bytes written to disk so far (all of them after {@link close}). */
  bytes = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Appends text. */
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  /** Flushes and closes (also after a failure, so the caller can remove the file). */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const data = Buffer.from(this.buffer, 'utf8');
    let done = 0;
    while (done < data.byteLength) done += writeSync(this.fd, data, done, data.byteLength - done);
    this.bytes += data.byteLength;
    this.buffer = '';
  }
}
