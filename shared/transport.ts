/**
 * Wire conventions shared by the transports (Electron IPC, HTTP + WebSocket) and their clients.
 * Only names and shapes live here; each face implements its side.
 */
import type { EventName, EventPayloads } from './contract.js';

/** HTTP: contract calls are `POST ${API_PATH_PREFIX}<domain.verb>` with a JSON body. */
export const API_PATH_PREFIX = '/api/';
/** HTTP: content-addressed images are `GET ${IMAGE_PATH_PREFIX}<sha256>.png`. */
export const IMAGE_PATH_PREFIX = '/images/';
/** HTTP: the event stream WebSocket path; the token goes in the `token` query parameter. */
export const EVENTS_PATH = '/ws';
/** HTTP: the per-launch access token travels as `Authorization: Bearer <token>` on API calls. */
export const TOKEN_QUERY_PARAM = 'token';
/** Cookie prefix for GETs of the UI and images (the port is appended: cookies ignore ports). */
export const TOKEN_COOKIE_PREFIX = 'vcheck_token_';

/** Electron IPC: the invoke channel of a call is `${IPC_CALL_PREFIX}<domain.verb>`. */
export const IPC_CALL_PREFIX = 'vcheck:call:';
/** Electron IPC: the channel of an event is `${IPC_EVENT_PREFIX}<event>`. */
export const IPC_EVENT_PREFIX = 'vcheck:event:';
/** Electron: the custom protocol serving images from the image store: `vcheck-image://img/<sha256>.png`. */
export const IMAGE_PROTOCOL = 'vcheck-image';

/** One event message on the WebSocket (server → client). */
export type EventMessage<E extends EventName = EventName> = E extends EventName
  ? { readonly event: E; readonly payload: EventPayloads[E] }
  : never;

/** A sha256 hex digest: the only thing an image request may name. */
export const IMAGE_HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * What the Electron preload exposes as `window.vcheck` (contextBridge): nothing but the contract.
 * `call` rejects names outside the contract; `on` rejects unknown events.
 */
export interface PreloadBridge {
  call(name: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
