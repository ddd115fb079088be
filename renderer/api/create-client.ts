/** Picks the transport at start-up: the Electron preload bridge when present, else web mode. */
import type { PreloadBridge } from '../../shared/transport.js';
import type { RendererApi } from './client-types.js';
import { createElectronClient } from './electron-client.js';
import { takeToken, type TokenPage } from './token.js';
import { createWebClient } from './web-client.js';
import type { SocketConstructor } from './event-socket.js';

/** The page facts the choice depends on; in the app this is `window`. */
export interface ClientHost extends TokenPage {
  readonly location: { readonly href: string; readonly origin: string };
  readonly vcheck?: PreloadBridge;
  readonly fetch?: typeof fetch;
  readonly WebSocket?: SocketConstructor;
}

function isBridge(value: unknown): value is PreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const { call, on } = value as { call?: unknown; on?: unknown };
  return typeof call === 'function' && typeof on === 'function';
}

/** Creates the renderer's one API client for this page. */
export function createApiClient(host: ClientHost): RendererApi {
  if (isBridge(host.vcheck)) return createElectronClient(host.vcheck);
  const fetchFn = host.fetch?.bind(host);
  return createWebClient({
    baseUrl: host.location.origin,
    token: takeToken(host),
    ...(fetchFn ? { fetch: fetchFn } : {}),
    ...(host.WebSocket ? { WebSocket: host.WebSocket } : {}),
  });
}
