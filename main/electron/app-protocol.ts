/**
 * `app://vcheck/...`: serves the built renderer (out/renderer) with the strict CSP. A custom origin
 * rather than file:// because file:// pages can read any local file and all share one opaque
 * origin, which would make the CSP's 'self', the navigation guard and the IPC sender check
 * meaningless; here 'self' is exactly the renderer folder.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP, securityHeaders } from './csp.js';
import { APP_HOST, APP_SCHEME } from './navigation.js';
import { fileResponse, isReadMethod, textResponse, type ProtocolHandler } from './protocol-response.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The renderer-relative file a URL names, or null when it is not ours or tries to leave the
 * folder. `/` is the entry page; extension-less paths are client-side routes and get it too.
 */
export function rendererFileOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (
    segments.some((s) => s === '.' || s === '..' || s.includes('\\') || s.includes('\0') || s.includes(':'))
  ) {
    return null;
  }
  const last = segments.at(-1);
  if (last === undefined || path.extname(last) === '') return 'index.html';
  return segments.join('/');
}

/** True when `file` lies strictly inside `root`. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Builds the handler serving files of `rendererDir` only. */
export function createAppProtocolHandler(rendererDir: string): ProtocolHandler {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (!isReadMethod(request)) return textResponse(405, 'Method not allowed', RENDERER_CSP);
    const relative = rendererFileOf(request.url);
    if (relative === null) return textResponse(404, 'Not found', RENDERER_CSP);
    let file: string;
    try {
      // Resolving links too: a symlink inside the build must not lead out of it.
      file = await realpath(path.join(root, relative));
      if (!isInside(await realpath(root), file)) return textResponse(404, 'Not found', RENDERER_CSP);
    } catch {
      return textResponse(404, 'Not found', RENDERER_CSP);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return fileResponse(request, file, type, {
      ...securityHeaders(RENDERER_CSP),
      'Cache-Control': 'no-cache',
    });
  };
}
