/**
 * The web transport against a real local HTTP + WebSocket server. The server here plays the
 * network (proxies, crashes, dropped sockets) — answers the real web server never gives — so the
 * client's error mapping and reconnects can be seen; the real server is exercised in
 * web-client-real-server.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ConnectionState } from '../../../../renderer/api/client-types.js';
import type { SocketConstructor } from '../../../../renderer/api/event-socket.js';
import { createWebClient } from '../../../../renderer/api/web-client.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

interface Harness {
  readonly server: Server;
  readonly wss: WebSocketServer;
  baseUrl: string;
  handler: Handler;
  readonly upgrades: string[];
}

let h: Harness;

beforeEach(async () => {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const harness: Harness = { server, wss, baseUrl: '', handler: () => undefined, upgrades: [] };
  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => harness.handler(req, body, res));
  });
  server.on('upgrade', (req, socket, head) => {
    harness.upgrades.push(req.url ?? '');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  harness.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = harness;
});

afterEach(async () => {
  for (const client of h.wss.clients) client.terminate();
  h.wss.close();
  h.server.closeAllConnections();
  await new Promise<void>((resolve) => h.server.close(() => resolve()));
});

function client(token: string | null = 'secret-token', callTimeoutMs = 2_000) {
  return createWebClient({
    baseUrl: h.baseUrl,
    token,
    WebSocket: WebSocket as unknown as SocketConstructor,
    backoff: { initialMs: 20, maxMs: 100 },
    callTimeoutMs,
  });
}

function reply(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

describe('web transport calls', () => {
  it('posts the request as JSON to /api/<domain.verb> with the bearer token', async () => {
    const seen: { method?: string; url?: string; auth?: string; body?: string }[] = [];
    h.handler = (req, body, res) => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      reply(res, 200, JSON.stringify({ ok: true, value: { runs: [], total: 0 } }));
    };
    const result = await client().call('runs.list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { runs: [], total: 0 } });
    expect(seen).toEqual([
      { method: 'POST', url: '/api/runs.list', auth: 'Bearer secret-token', body: '{"limit":5}' },
    ]);
  });

  it("returns the server's failed Result unchanged, whatever the HTTP status", async () => {
    const failure = { ok: false, error: { code: 'validation', message: 'limit: too big', details: [1] } };
    h.handler = (_req, _body, res) => reply(res, 400, JSON.stringify(failure));
    expect(await client().call('runs.list', { limit: 5 })).toEqual(failure);
  });

  it('maps a 401 without a Result body to unauthorized', async () => {
    h.handler = (_req, _body, res) => reply(res, 401, 'Unauthorized', 'text/plain');
    const result = await client(null).call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unauthorized');
  });

  it('maps a proxy error page to unavailable', async () => {
    h.handler = (_req, _body, res) => reply(res, 502, '<html>Bad gateway</html>', 'text/html');
    const result = await client().call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!result.ok) expect(result.error.message).toContain('502');
  });

  it('maps JSON that is not a Result to unavailable', async () => {
    h.handler = (_req, _body, res) => reply(res, 200, JSON.stringify({ runs: [] }));
    expect(await client().call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('maps a refused connection to unavailable instead of rejecting', async () => {
    const api = client();
    await new Promise<void>((resolve) => h.server.close(() => resolve()));
    const result = await api.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/cannot reach the server/);
  });

  it('gives up on a server that never answers', async () => {
    h.handler = () => undefined;
    const result = await client('secret-token', 200).call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('builds image URLs on the server origin', () => {
    const hash = 'a'.repeat(64);
    expect(client().imageUrl(hash)).toBe(`${h.baseUrl}/images/${hash}.png`);
  });
});

function nextConnection(): Promise<WebSocket> {
  return new Promise((resolve) => h.wss.once('connection', resolve));
}

function waitFor(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('web transport events', () => {
  it('opens /ws?token= on the first subscription and delivers contract events only', async () => {
    const api = client();
    const changed: unknown[] = [];
    const connected = nextConnection();
    api.on('store.changed', (payload) => changed.push(payload));
    const socket = await connected;
    expect(h.upgrades).toEqual(['/ws?token=secret-token']);
    socket.send('not json');
    socket.send(JSON.stringify({ event: 'no.such.event', payload: {} }));
    socket.send(JSON.stringify({ event: 'store.changed', payload: { tables: ['runs'] } }));
    await waitFor(() => changed.length > 0);
    expect(changed).toEqual([{ tables: ['runs'] }]);
    api.dispose();
  });

  it('reconnects after the server drops the socket and keeps delivering', async () => {
    const api = client();
    const states: ConnectionState[] = [];
    const events: unknown[] = [];
    api.onConnection((state) => states.push(state));
    let connected = nextConnection();
    api.on('jobs.event', (payload) => events.push(payload));
    (await connected).terminate();
    connected = nextConnection();
    const second = await connected;
    const event = { type: 'log', jobId: 'j1', line: 'after reconnect' };
    second.send(JSON.stringify({ event: 'jobs.event', payload: event }));
    await waitFor(() => events.length > 0);
    expect(events).toEqual([event]);
    await waitFor(() => states.filter((s) => s === 'open').length === 2);
    expect(states).toEqual(['connecting', 'open', 'connecting', 'open']);
    api.dispose();
    expect(states.at(-1)).toBe('closed');
  });

  it('stops delivering to a listener after it unsubscribes', async () => {
    const api = client();
    const seen: unknown[] = [];
    const other: unknown[] = [];
    const connected = nextConnection();
    const off = api.on('store.changed', (payload) => seen.push(payload));
    api.on('store.changed', (payload) => other.push(payload));
    const socket = await connected;
    off();
    socket.send(JSON.stringify({ event: 'store.changed', payload: { tables: ['jobs'] } }));
    await waitFor(() => other.length > 0);
    expect(seen).toEqual([]);
    api.dispose();
  });
});
