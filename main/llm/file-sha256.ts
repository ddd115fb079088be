/** sha256 of a file, streamed: model files are gigabytes. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The hex sha256 of `file`'s bytes. */
export async function fileSha256(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, signal ? { signal } : {})) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
