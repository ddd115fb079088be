/**
 * The event stream: a WebSocket at `/ws?token=...` that pushes every engine event as
 * `{ event, payload }`. Upgrades without the token or from another origin are refused before the
 * handshake; a ping every `heartbeatMs` drops clients that stopped answering, and a client that
 * falls too far behind is dropped rather than buffered without bound.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage } from '../../shared/transport.js';
import { TOKEN_QUERY_PARAM } from '../../shared/transport.js';
import type { Engine } from '../api/engine.js';
import { tokenMatches, type AccessPolicy } from './auth.js';
import { queryOf } from './http-util.js';

/** Bytes queued for one client before it is considered dead. */
const MAX_BUFFERED_BYTES = 16 << 20;

/** The live event stream of one server. */
export interface EventsSocket {
  /** Takes over an upgrade request for the events path (checks token, host and origin). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Number of connected clients. */
  readonly clientCount: number;
  /** Disconnects every client and stops listening to the engine. */
  close(): void;
}

/** Refuses an upgrade with a plain HTTP status before any WebSocket handshake. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
  socket.destroy();
}

/** Starts broadcasting the engine's events to WebSocket clients. */
export function createEventsSocket(engine: Engine, policy: AccessPolicy, heartbeatMs = 30_000): EventsSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  const unsubscribe = engine.subscribe((event, payload) => {
    const message: EventMessage = { event, payload } as EventMessage;
    const text = JSON.stringify(message);
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(text);
    }
  });

  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  wss.on('connection', (client: WebSocket) => {
    alive.set(client, true);
    client.on('pong', () => alive.set(client, true));
    // The stream is one-way; anything a client sends is ignored.
    client.on('error', () => client.terminate());
  });

  return {
    handleUpgrade(req, socket, head) {
      if (!tokenMatches(policy.token, queryOf(req.url).get(TOKEN_QUERY_PARAM)))
        return refuseUpgrade(socket, 401);
      if (!policy.originAllowed(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403);
      wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
    },
    get clientCount() {
      return wss.clients.size;
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
