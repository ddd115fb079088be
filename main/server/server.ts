/**
 * Web mode: the contract over HTTP + WebSocket on loopback, serving the built renderer. Calls are
 * `POST /api/<domain.verb>`, events stream on `/ws`, images come from `/images/<sha256>.png`;
 * every request needs the per-launch token and a Host header naming this server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { err } from '../../shared/result.js';
import {
  API_PATH_PREFIX,
  EVENTS_PATH,
  IMAGE_PATH_PREFIX,
  TOKEN_QUERY_PARAM,
} from '../../shared/transport.js';
import type { Engine } from '../api/engine.js';
import { handleApiCall } from './api-route.js';
import { AccessPolicy, newAccessToken } from './auth.js';
import { createDevMiddleware, type DevMiddleware } from './dev-middleware.js';
import { createEventsSocket, refuseUpgrade, type EventsSocket } from './events-socket.js';
import { queryOf, rawPath, sendJson, sendText, setBaseHeaders } from './http-util.js';
import { serveImage } from './image-route.js';
import { defaultStaticDir, serveStatic } from './static-files.js';

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  readonly engine: Engine;
  /** Interface to bind (default 127.0.0.1). Anything but loopback exposes the token-guarded API. */
  readonly host?: string;
  /** Port to bind; 0 picks a free one (default 0). */
  readonly port?: number;
  /** Access token (default: 32 random bytes, base64url, new per launch). */
  readonly token?: string;
  /** The built renderer (default out/renderer under the package root). */
  readonly staticDir?: string;
  /** Serve the renderer from source through Vite (for `npm run dev`). */
  readonly dev?: boolean;
  /** Milliseconds between WebSocket pings (default 30 000). */
  readonly heartbeatMs?: number;
}

/** A running web server. */
export interface WebServer {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=...`. */
  readonly url: string;
  /** `http://HOST:PORT`. */
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  /** Stops accepting, disconnects clients and stops Vite; the engine stays open (its owner closes it). */
  close(): Promise<void>;
}

interface Routes {
  readonly engine: Engine;
  readonly policy: AccessPolicy;
  readonly staticDir: string;
  readonly dev: DevMiddleware | null;
}

/** Starts web mode on `host:port` over an open engine. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newAccessToken();
  const server = createServer();
  const dev = options.dev ? await createDevMiddleware(server) : null;
  const port = await listen(server, host, options.port ?? 0);
  const policy = new AccessPolicy(token, host, port);
  const events = createEventsSocket(options.engine, policy, options.heartbeatMs);
  const routes: Routes = {
    engine: options.engine,
    policy,
    staticDir: path.resolve(options.staticDir ?? defaultStaticDir()),
    dev,
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, routes).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 500, err('internal', error instanceof Error ? error.message : String(error)));
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => {
    if (!policy.hostAllowed(req.headers.host)) return refuseUpgrade(socket, 403);
    if (rawPath(req.url) === EVENTS_PATH) return events.handleUpgrade(req, socket, head);
    // In dev mode Vite's hot-reload socket listens on the same server and takes the rest.
    if (!dev) refuseUpgrade(socket, 404);
  });
  const origin = `http://${urlHost(host)}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`,
    origin,
    token,
    port,
    close: () => (closing ??= shutdown(server, events, dev)),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  setBaseHeaders(res);
  const host = req.headers.host;
  if (host === undefined || !routes.policy.hostAllowed(host)) {
    return sendText(res, 403, 'Forbidden: the Host header does not name this server.');
  }
  const raw = rawPath(req.url);
  // In dev mode Vite serves renderer/api/*.ts under /api/ too; contract calls are always POSTs.
  const isCall = raw.startsWith(API_PATH_PREFIX) && !(routes.dev && req.method !== 'POST');
  if (isCall) {
    if (!routes.policy.bearerAllowed(req)) {
      return sendJson(
        res,
        401,
        err('unauthorized', 'Missing or wrong access token (send Authorization: Bearer <token>).'),
      );
    }
    return handleApiCall(req, res, raw.slice(API_PATH_PREFIX.length), routes.engine);
  }
  const access = routes.policy.getAllowed(req, queryOf(req.url));
  if (!access)
    return sendText(res, 401, 'Unauthorized: open the URL printed by `vcheck serve` (it carries the token).');
  if (access === 'query') res.setHeader('Set-Cookie', routes.policy.cookieHeader());
  if (raw.startsWith(IMAGE_PATH_PREFIX)) {
    return serveImage(req, res, raw.slice(IMAGE_PATH_PREFIX.length), routes.engine);
  }
  if (routes.dev) return routes.dev.handle(req, res);
  return serveStatic(req, res, routes.staticDir, raw, host);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The host as it goes in a URL: IPv6 in brackets, wildcard binds reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

async function shutdown(server: Server, events: EventsSocket, dev: DevMiddleware | null): Promise<void> {
  events.close();
  await dev?.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}
