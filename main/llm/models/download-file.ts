/**
 * Downloads a file over HTTP into `<file>.part`, resuming with a Range request after an
 * interruption, then verifies its sha256 and only then moves it to `file`. A failure never deletes
 * received bytes: the partial (or the unverified) file stays for a resume or for inspection.
 */
import { createWriteStream } from 'node:fs';
import { rename, stat, truncate } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileSha256 } from '../file-sha256.js';

/** Progress of a download. */
export interface DownloadProgress {
  readonly receivedBytes: number;
  readonly totalBytes: number | null;
  readonly resumedFromBytes: number;
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  readonly url: string;
  readonly file: string;
  /** The known hash; null: the server's LFS hash (Hugging Face's X-Linked-Etag) when it sends one. */
  readonly expectedSha256: string | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Transfers in all (resumes included) before giving up. Default 5. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

/** The result of a verified download. */
export interface DownloadOutcome {
  readonly sha256: string;
  readonly sizeBytes: number;
  /** Where the hash it was checked against came from; null: nothing to check against. */
  readonly verifiedAgainst: 'known' | 'server' | null;
}

/** A download that failed; `keptFile` holds the bytes received so far. */
export class DownloadError extends Error {
  /** Creates the error. */
  constructor(
    readonly code: 'network' | 'http' | 'checksum',
    message: string,
    readonly keptFile: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

const sizeOf = async (file: string): Promise<number> => (await stat(file).catch(() => null))?.size ?? 0;
const isSha256 = (s: string | null | undefined): s is string =>
  typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);

interface Transfer {
  readonly serverSha256: string | null;
}

/** One transfer: resumes from the partial file's length, appends, reports progress. */
async function transfer(options: DownloadOptions, part: string): Promise<Transfer> {
  let offset = await sizeOf(part);
  const response = await fetch(options.url, {
    headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const linked = response.headers.get('x-linked-etag')?.replace(/"/g, '').toLowerCase() ?? null;
  const serverSha256 = isSha256(linked) ? linked : null;
  if (response.status === 416 && offset > 0) return { serverSha256 }; // already complete
  if (!response.ok) throw new DownloadError('http', `HTTP ${response.status} from ${options.url}`, part);
  if (response.status === 200 && offset > 0) {
    await truncate(part, 0); // the server ignored the Range: start over
    offset = 0;
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  const totalBytes = Number.isFinite(length) ? offset + length : null;
  let receivedBytes = offset;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      receivedBytes += chunk.length;
      options.onProgress?.({ receivedBytes, totalBytes, resumedFromBytes: offset });
      done(null, chunk);
    },
  });
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  await pipeline(body, counter, createWriteStream(part, { flags: 'a' }));
  if (totalBytes !== null && receivedBytes < totalBytes) {
    throw new DownloadError('network', `the transfer ended at ${receivedBytes} of ${totalBytes} bytes`, part);
  }
  return { serverSha256 };
}

async function verify(
  options: DownloadOptions,
  part: string,
  serverSha256: string | null,
): Promise<DownloadOutcome> {
  const sha256 = await fileSha256(part, options.signal);
  const expected = options.expectedSha256 ?? serverSha256;
  if (expected !== null && expected.toLowerCase() !== sha256) {
    throw new DownloadError(
      'checksum',
      `sha256 mismatch: expected ${expected}, got ${sha256}; the file is kept at ${part}`,
      part,
    );
  }
  await rename(part, options.file);
  const verifiedAgainst = options.expectedSha256 !== null ? 'known' : serverSha256 !== null ? 'server' : null;
  return { sha256, sizeBytes: await sizeOf(options.file), verifiedAgainst };
}

/** Downloads `url` to `file` (via `file.part`), resuming after interruptions, then verifies it. */
export async function downloadFile(options: DownloadOptions): Promise<DownloadOutcome> {
  const part = `${options.file}.part`;
  const attempts = options.maxAttempts ?? 5;
  let serverSha256: string | null = null;
  for (let n = 1; ; n++) {
    try {
      serverSha256 = (await transfer(options, part)).serverSha256 ?? serverSha256;
      break;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const failure =
        error instanceof DownloadError ? error : new DownloadError('network', (error as Error).message, part);
      if (failure.code === 'http' || n >= attempts) throw failure;
      await sleep(
        (options.retryDelayMs ?? 1_000) * n,
        undefined,
        options.signal ? { signal: options.signal } : {},
      );
    }
  }
  return verify(options, part, serverSha256);
}
