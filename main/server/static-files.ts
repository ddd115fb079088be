/**
 * The built renderer, served from one folder with an SPA fallback to index.html. Paths are decoded
 * once, refused when they name a parent segment, and must resolve (symlinks included) inside the
 * folder; HTML carries a strict Content-Security-Policy.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { packageInfo } from '../api/package-info.js';
import { sendText } from './http-util.js';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Where `npm run build` puts the renderer: `out/renderer` under the package root. */
export function defaultStaticDir(): string {
  return path.join(packageInfo().root, 'out', 'renderer');
}

/** The CSP of the UI's HTML; `host` is the validated Host header the page was loaded from. */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A file path inside `root` for a raw request path, or null for anything that tries to leave it. */
export function resolveInside(root: string, raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const file = path.resolve(root, `.${decoded}`);
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : file;
}

/** Serves GET/HEAD requests for the UI from `root` (absolute). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  raw: string,
  host: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed.');
  }
  const index = path.join(root, 'index.html');
  if (!(await regularFile(root, index))) {
    return sendText(res, 503, `The web UI is not built: run \`npm run build\` (no index.html in ${root}).`);
  }
  const wanted = resolveInside(root, raw.endsWith('/') ? `${raw}index.html` : raw);
  if (wanted === null) return sendText(res, 404, 'Not found.');
  if (await regularFile(root, wanted)) {
    const fingerprinted = path.relative(root, wanted).startsWith(`assets${path.sep}`);
    return sendFile(req, res, wanted, host, fingerprinted);
  }
  // Client-side routes (no file extension) get the app; missing assets get a 404.
  if (path.extname(wanted) === '') return sendFile(req, res, index, host, false);
  sendText(res, 404, 'Not found.');
}

/** True when `file` is a regular file whose real path is inside `root`'s real path. */
async function regularFile(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const relative = path.relative(realRoot, realFile);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  host: string,
  fingerprinted: boolean,
): Promise<void> {
  const info = await stat(file);
  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    // Vite fingerprints assets; the HTML must be revalidated to pick up a new build.
    'Cache-Control': fingerprinted ? 'private, max-age=31536000, immutable' : 'no-cache',
    ...(isHtml ? { 'Content-Security-Policy': contentSecurityPolicy(host) } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
