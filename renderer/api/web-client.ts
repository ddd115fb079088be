/** The contract over HTTP (`POST /api/<domain.verb>`) and a WebSocket for events: web mode. */
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../shared/contract.js';
import { isContractEvent as isEventName } from '../../shared/contract-names.js';
import {
  API_PATH_PREFIX,
  EVENTS_PATH,
  IMAGE_PATH_PREFIX,
  TOKEN_QUERY_PARAM,
} from '../../shared/transport.js';
import type { RendererApi } from './client-types.js';
import { EventHub } from './event-hub.js';
import { EventSocket, type Backoff, type SocketConstructor } from './event-socket.js';
import { describeThrown, isResult, unavailable } from './failure.js';

/** How to reach the server. */
export interface WebClientOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:5173` (in the page: `location.origin`). */
  readonly baseUrl: string;
  /** The per-launch access token, or null when the page was opened without one. */
  readonly token: string | null;
  readonly fetch?: typeof fetch;
  /** WebSocket constructor; defaults to the global one (Node 20 tests pass `ws`). */
  readonly WebSocket?: SocketConstructor;
  readonly backoff?: Backoff;
  /** Give up on a call after this long (default 30 s). */
  readonly callTimeoutMs?: number;
}

/** The WebSocket URL of the event stream for an http(s) origin. */
export function eventsUrl(baseUrl: string, token: string | null): string {
  const url = new URL(EVENTS_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set(TOKEN_QUERY_PARAM, token);
  return url.toString();
}

/** Turns an HTTP answer into a Result: the server's own Result when it sent one, else a mapped failure. */
async function readAnswer<N extends CallName>(name: N, response: Response): Promise<CallResult<N>> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy page or a crash; handled below by status.
  }
  if (isResult(body)) return body as CallResult<N>;
  if (response.status === 401 || response.status === 403) {
    const message = `${name}: the server refused the access token; open the URL printed by \`vcheck serve\``;
    return { ok: false, error: { code: 'unauthorized', message } };
  }
  return unavailable(name, `HTTP ${response.status} ${response.statusText}`.trim());
}

/** Builds the web-mode client. The event socket opens when the first listener subscribes. */
export function createWebClient(options: WebClientOptions): RendererApi {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const hub = new EventHub();
  const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const socket = new EventSocket(eventsUrl(options.baseUrl, options.token), Socket, hub, options.backoff);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  return {
    mode: 'web',
    async call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<N>> {
      try {
        const response = await fetchFn(new URL(`${API_PATH_PREFIX}${name}`, options.baseUrl), {
          method: 'POST',
          headers,
          body: JSON.stringify(request ?? {}),
          signal: AbortSignal.timeout(options.callTimeoutMs ?? 30_000),
        });
        return await readAnswer(name, response);
      } catch (thrown) {
        return unavailable(name, `cannot reach the server (${describeThrown(thrown)})`);
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
      const remove = hub.add(event, listener);
      socket.start();
      return remove;
    },
    imageUrl: (hash) =>
      new URL(`${IMAGE_PATH_PREFIX}${encodeURIComponent(hash)}.png`, options.baseUrl).toString(),
    onConnection: (listener) => {
      socket.start();
      return socket.onState(listener);
    },
    dispose: () => socket.dispose(),
  };
}
