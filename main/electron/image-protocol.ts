/**
 * `vcheck-image://img/<sha256>.png`: serves images of the content-addressed store and nothing else.
 * The request may only name a hash; the engine maps the hash to its file, so no part of the URL
 * ever becomes a path (`../`, encoded separators and other hosts never reach the disk).
 */
import { IMAGE_HASH_PATTERN, IMAGE_PROTOCOL } from '../../shared/transport.js';
import { IMAGE_CSP, securityHeaders } from './csp.js';
import { fileResponse, isReadMethod, textResponse, type ProtocolHandler } from './protocol-response.js';

/** The one host of the image protocol. */
export const IMAGE_HOST = 'img';

/** The hash named by an image URL, or null when the URL is anything but `vcheck-image://img/<hex64>.png`. */
export function imageHashOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${IMAGE_PROTOCOL}:` || parsed.host !== IMAGE_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '') return null;
  // Matched on the raw path: anything percent-encoded, nested or upper-case is simply not a name.
  const match = /^\/([0-9a-f]{64})\.png$/.exec(parsed.pathname);
  const hash = match?.[1];
  return hash !== undefined && IMAGE_HASH_PATTERN.test(hash) ? hash : null;
}

/** Builds the handler; `imagePath` is the engine's (absolute path of a stored image, or null). */
export function createImageProtocolHandler(imagePath: (hash: string) => string | null): ProtocolHandler {
  const headers = {
    ...securityHeaders(IMAGE_CSP),
    // Content-addressed: the bytes behind a name never change.
    'Cache-Control': 'public, max-age=31536000, immutable',
  };
  return async (request) => {
    if (!isReadMethod(request)) return textResponse(405, 'Method not allowed', IMAGE_CSP);
    const hash = imageHashOf(request.url);
    const file = hash === null ? null : imagePath(hash);
    if (file === null) return textResponse(404, 'Not found', IMAGE_CSP);
    return fileResponse(request, file, 'image/png', headers);
  };
}
