/** `POST /api/<domain.verb>`: a JSON body in, the engine's Result out, with an HTTP status per error code. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertNever, err, type ErrorCode, type Result } from '../../shared/result.js';
import type { Engine } from '../api/engine.js';
import { sendJson } from './http-util.js';

/** Largest request body accepted; contract requests are small. */
export const MAX_BODY_BYTES = 1 << 20;

/** The HTTP status that carries a failed Result of this code. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'unauthorized':
      return 401;
    case 'unknown_call':
    case 'not_found':
      return 404;
    case 'conflict':
    case 'cancelled':
      return 409;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertNever(code, 'error code');
  }
}

/** Answers one API call; the caller has already checked the token. */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  engine: Engine,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, err('validation', `Use POST for ${name}.`));
  }
  const body = await readJsonBody(req);
  if (body.kind === 'too_large') {
    // The rest of the body is not read: drop the connection after answering.
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, err('validation', `Request body exceeds ${MAX_BODY_BYTES} bytes.`));
  }
  if (body.kind === 'malformed')
    return sendJson(res, 400, err('validation', `Malformed JSON body: ${body.reason}`));
  // Unknown names (including percent-encoded ones) are the engine's to refuse: one place decides.
  const result: Result<unknown> = await engine.dispatch(name, body.value);
  sendJson(res, result.ok ? 200 : statusOf(result.error.code), result);
}

type Body =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Reads and parses the body; an empty body means `{}` (calls without parameters). */
async function readJsonBody(req: IncomingMessage): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return { kind: 'too_large' };
  const bytes = await readLimited(req, MAX_BODY_BYTES);
  if (bytes === null) return { kind: 'too_large' };
  const text = bytes.toString('utf8').trim();
  if (text === '') return { kind: 'json', value: {} };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', reason: (error as Error).message };
  }
}

/**
 * The body, or null once it passes `limit` bytes. Listeners rather than `for await`: leaving an
 * async iterator destroys the socket, and the 413 answer must still get out.
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
