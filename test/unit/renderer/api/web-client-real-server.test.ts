/** The renderer's web client against the real web server over a real engine: calls, failures, events. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Engine } from '../../../../main/api/engine.js';
import { openEngine } from '../../../../main/api/open-engine.js';
import { startWebServer, type WebServer } from '../../../../main/server/server.js';
import type { ConnectionState } from '../../../../renderer/api/client-types.js';
import type { SocketConstructor } from '../../../../renderer/api/event-socket.js';
import { createWebClient } from '../../../../renderer/api/web-client.js';
import type { JobEvent } from '../../../../shared/jobs.js';
import { tempDataDir } from '../../../fixtures/data-dir.js';
import { seedStore } from '../../../fixtures/seed.js';

const temp = tempDataDir('vcheck-renderer-web-');
let engine: Engine;
let server: WebServer;

beforeAll(async () => {
  seedStore(temp.dir, { runs: 2, images: 3 });
  engine = await openEngine({ dataDir: temp.dir });
  server = await startWebServer({ engine, port: 0, staticDir: temp.dir });
});

afterAll(async () => {
  await server.close();
  await engine.close();
  temp.cleanup();
});

function client(token: string | null) {
  return createWebClient({
    baseUrl: server.origin,
    token,
    WebSocket: WebSocket as unknown as SocketConstructor,
    backoff: { initialMs: 20, maxMs: 200 },
  });
}

describe('web client against the real server', () => {
  it('lists the seeded runs', async () => {
    const result = await client(server.token).call('runs.list', { limit: 10 });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value.runs.map((r) => r.name).sort()).toEqual(['seeded run 1', 'seeded run 2']);
  });

  it("passes the server's unauthorized Result through for a wrong token", async () => {
    const result = await client('wrong').call('runs.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it("passes the server's validation Result through for a malformed request", async () => {
    const result = await client(server.token).call('runs.list', { limit: -1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('streams job events of a real store.verify job over the WebSocket', async () => {
    const api = client(server.token);
    const events: JobEvent[] = [];
    let state: ConnectionState = 'closed';
    api.onConnection((s) => (state = s));
    api.on('jobs.event', (event) => events.push(event));
    await expect.poll(() => state, { timeout: 5_000 }).toBe('open');
    const started = await api.call('jobs.start', { kind: 'store.verify', params: { repair: false } });
    expect(started.ok).toBe(true);
    const finished = () => events.find((e) => e.type === 'status' && e.job.status === 'succeeded');
    await expect.poll(finished, { timeout: 10_000 }).toBeTruthy();
    const last = finished();
    if (last?.type === 'status') expect(last.job.result).toMatchObject({ kind: 'store.verify', checked: 3 });
    api.dispose();
  });

  it('does not connect the event socket without the token', async () => {
    const api = client(null);
    const states: ConnectionState[] = [];
    api.onConnection((s) => states.push(s));
    api.on('store.changed', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states).not.toContain('open');
    api.dispose();
  });
});
