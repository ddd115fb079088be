/**
 * `GET /images/<sha256>.png`: serves files of the image store and nothing else. The name is checked
 * on the raw request path, before any decoding, so `../`, `%2e%2e%2f` and friends never reach the
 * file system; the engine maps a well-formed hash to a path inside its store.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IMAGE_HASH_PATTERN } from '../../shared/transport.js';
import type { Engine } from '../api/engine.js';
import { sendText } from './http-util.js';

const IMAGE_NAME = /^([0-9a-f]{64})\.png$/;

/** The hash named by the rest of an image path (after `/images/`), or null when it is anything else. */
export function imageHashOf(rest: string): string | null {
  const hash = IMAGE_NAME.exec(rest)?.[1];
  return hash !== undefined && IMAGE_HASH_PATTERN.test(hash) ? hash : null;
}

/** Answers one image request; the caller has already checked the token. */
export async function serveImage(
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  engine: Engine,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.');
  }
  const hash = imageHashOf(rest);
  const file = hash === null ? null : engine.imagePath(hash);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) return sendText(res, 404, 'No such image.');
  res.writeHead(200, {
    'Content-Type': 'image/png',
    'Content-Length': info.size,
    // Content-addressed: the bytes behind a name never change.
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${hash}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
