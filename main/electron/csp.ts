/**
 * Content Security Policies sent as response headers by our protocol handlers. The renderer is a
 * Vite build: scripts and styles are files of our origin, images come from our origin, data/blob
 * URLs (charts, downloads) or the image protocol; the contract travels over IPC, so nothing connects
 * anywhere.
 */
import { IMAGE_PROTOCOL } from '../../shared/transport.js';

function policy(directives: Readonly<Record<string, ReadonlyArray<string>>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy of every page of the app. */
export const RENDERER_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:', `${IMAGE_PROTOCOL}:`],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** The policy of an image response: it is data, never a document that runs anything. */
export const IMAGE_CSP = policy({ 'default-src': ["'none'"], sandbox: [] });

/** Headers every response of our protocols carries. */
export function securityHeaders(csp: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  };
}
