/** The web-mode event stream: one WebSocket, reconnected with capped exponential backoff. */
import { isContractEvent as isEventName } from '../../shared/contract-names.js';
import type { ConnectionState } from './client-types.js';
import type { EventHub } from './event-hub.js';

// Method-derived function types are checked bivariantly, so the browser's and `ws`'s handler
// types (which name their own event classes) both fit (the same trick React's typings use).
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API we use; the browser's and the `ws` package's both fit. */
export interface SocketLike {
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ readonly data: unknown }> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
  close(): void;
}

/** A WebSocket constructor (the browser's global, or `ws` in Node tests). */
export type SocketConstructor = new (url: string) => SocketLike;

/** Reconnect delays: the first retry waits `initialMs`, each failure doubles it up to `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Default backoff: quick first retry, then at most one attempt every 10 s. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 10_000 };

/** Keeps one socket open to `url`, parses `{event, payload}` messages and hands them to the hub. */
export class EventSocket {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delayMs: number;
  private disposed = false;
  private state: ConnectionState = 'closed';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly Socket: SocketConstructor,
    private readonly hub: EventHub,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {
    this.delayMs = backoff.initialMs;
  }

  /** Opens the socket unless it is already open or being opened. */
  start(): void {
    if (this.socket || this.timer || this.disposed) return;
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = new this.Socket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.delayMs = this.backoff.initialMs;
      this.setState('open');
    };
    socket.onmessage = (message) => this.deliver(message.data);
    // Browsers fire `error` then `close`; reconnecting on `close` alone avoids double timers.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  /** Subscribes to connection changes; the listener gets the current state at once. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Closes the socket for good. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
    this.setState('closed');
  }

  private scheduleReconnect(): void {
    if (this.disposed) return;
    this.setState('connecting');
    // Jitter spreads reconnects of many tabs after a server restart.
    const delay = this.delayMs * (0.8 + Math.random() * 0.4);
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, delay);
  }

  private deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as { event?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (message && isEventName(message.event)) this.hub.emit(message.event, message.payload as never);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
