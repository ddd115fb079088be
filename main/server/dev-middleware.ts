/**
 * `vcheck serve --dev` (`npm run dev`): Vite in middleware mode behind the same token and Host
 * checks, with hot reload over Vite's own WebSocket on our HTTP server. Vite is a dev dependency,
 * so it is imported only here, on demand.
 */
import { Console } from 'node:console';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { packageInfo } from '../api/package-info.js';
import { sendText } from './http-util.js';

/** The renderer served live from its sources. */
export interface DevMiddleware {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

/**
 * In dev only: drop index.html's CSP meta tag, because Vite injects inline scripts (the React
 * refresh preamble, the client) that a strict `script-src 'self'` would block. Built pages keep it.
 */
const withoutCspMeta: Plugin = {
  name: 'vcheck-dev-without-csp-meta',
  apply: 'serve',
  transformIndexHtml: {
    order: 'pre',
    handler: (html: string) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  },
};

/** Starts Vite for the renderer; `server` carries its hot-reload WebSocket. */
export async function createDevMiddleware(server: Server): Promise<DevMiddleware> {
  const { createLogger, createServer } = await import('vite');
  const root = packageInfo().root;
  const vite = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server } },
    plugins: [withoutCspMeta],
    // Vite's messages go to stderr: the first line of stdout is reserved for the URL.
    customLogger: createLogger('info', {
      console: new Console(process.stderr, process.stderr),
      allowClearScreen: false,
    }),
  });
  return {
    handle: (req, res) => vite.middlewares(req, res, () => sendText(res, 404, 'Not found.')),
    close: () => vite.close(),
  };
}
