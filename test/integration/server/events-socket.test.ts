import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventMessage } from '../../../shared/transport.js';
import { apiCall, startWebFixture, type WebFixture } from './web-fixture.js';

function isJobEvent(message: EventMessage): message is EventMessage<'jobs.event'> {
  return message.event === 'jobs.event';
}

/** Resolves with the HTTP status that refused the upgrade, or 101 when it opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', reject);
  });
}

describe('web mode event stream', () => {
  let web: WebFixture;
  let wsBase: string;
  beforeAll(async () => {
    web = await startWebFixture({ heartbeatMs: 200 });
    wsBase = `ws://127.0.0.1:${web.server.port}/ws`;
  });
  afterAll(() => web.close());

  it('refuses a socket without the token or with a wrong one', async () => {
    expect(await upgradeStatus(wsBase)).toBe(401);
    expect(await upgradeStatus(`${wsBase}?token=nope`)).toBe(401);
  });

  it('refuses a socket from another origin or another Host', async () => {
    const url = `${wsBase}?token=${web.server.token}`;
    expect(await upgradeStatus(url, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { Host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { Origin: web.server.origin })).toBe(101);
  });

  it('pushes jobs.event messages of a store.verify job started over HTTP', async () => {
    const socket = new WebSocket(`${wsBase}?token=${web.server.token}`);
    const messages: EventMessage[] = [];
    await new Promise((resolve) => socket.once('open', resolve));
    const finished = new Promise<void>((resolve) => {
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as EventMessage;
        messages.push(message);
        if (
          isJobEvent(message) &&
          message.payload.type === 'status' &&
          message.payload.job.status === 'succeeded'
        ) {
          resolve();
        }
      });
    });
    const started = await apiCall(web, 'jobs.start', { kind: 'store.verify', params: { repair: false } });
    expect(started.status).toBe(200);
    const jobId = (started.json() as { value: { id: string } }).value.id;
    await finished;
    socket.close();
    const jobEvents = messages.filter(isJobEvent);
    expect(jobEvents.some((m) => m.payload.type === 'progress' && m.payload.jobId === jobId)).toBe(true);
    expect(messages.some((m) => m.event === 'store.changed')).toBe(true);
  });

  it('keeps answering clients alive across heartbeats', async () => {
    const socket = new WebSocket(`${wsBase}?token=${web.server.token}`);
    await new Promise((resolve) => socket.once('open', resolve));
    let pings = 0;
    socket.on('ping', () => (pings += 1));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('drops a client that stops answering pings', async () => {
    // A raw TCP client that completes the handshake and then never answers a ping.
    const socket = connect(web.server.port, '127.0.0.1');
    const key = Buffer.from('0123456789abcdef').toString('base64');
    socket.write(
      `GET /ws?token=${web.server.token} HTTP/1.1\r\nHost: 127.0.0.1:${web.server.port}\r\n` +
        `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 101/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
