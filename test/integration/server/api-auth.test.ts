import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, rawRequest, startWebFixture, type WebFixture } from './web-fixture.js';

describe('web mode API and access token', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWebFixture();
  });
  afterAll(() => web.close());

  it('prints a loopback URL carrying a 43-character token', () => {
    expect(web.server.url).toBe(`http://127.0.0.1:${web.server.port}/?token=${web.server.token}`);
    expect(web.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses API calls without the token', async () => {
    const res = await rawRequest(web.server.port, '/api/runs.list', { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses API calls with a wrong token, in the query or as a cookie', async () => {
    expect((await apiCall(web, 'runs.list', {}, `Bearer ${web.server.token}x`)).status).toBe(401);
    const viaQuery = await rawRequest(web.server.port, `/api/runs.list?token=${web.server.token}`, {
      method: 'POST',
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
    const viaCookie = await rawRequest(web.server.port, '/api/runs.list', {
      method: 'POST',
      headers: { Cookie: `vcheck_token_${web.server.port}=${web.server.token}` },
      body: '{}',
    });
    expect(viaCookie.status).toBe(401);
  });

  it('answers runs.list with the token', async () => {
    const res = await apiCall(web, 'runs.list', { limit: 10 });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as { ok: boolean; value: { runs: { name: string }[]; total: number } };
    expect(body.ok).toBe(true);
    expect(body.value.total).toBe(2);
    expect(body.value.runs.map((run) => run.name).sort()).toEqual(['seeded run 1', 'seeded run 2']);
  });

  it('answers a malformed body with a 400 validation Result', async () => {
    const res = await rawRequest(web.server.port, '/api/runs.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.server.token}` },
      body: '{"limit": ',
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers a request that breaks the schema with a 400 validation Result', async () => {
    const res = await apiCall(web, 'runs.list', { limit: 'ten' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('maps unknown calls and missing rows to 404, wrong methods to 405', async () => {
    expect((await apiCall(web, 'runs.drop', {})).status).toBe(404);
    const missing = await apiCall(web, 'jobs.get', { id: 'no-such-job' });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const get = await rawRequest(web.server.port, '/api/runs.list', {
      headers: { Authorization: `Bearer ${web.server.token}` },
    });
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const res = await rawRequest(web.server.port, '/api/runs.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.server.token}` },
      body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a Host header that does not name the server (DNS rebinding)', async () => {
    const rebound = await rawRequest(web.server.port, `/api/runs.list`, {
      method: 'POST',
      headers: { Host: `evil.example:${web.server.port}`, Authorization: `Bearer ${web.server.token}` },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const wrongPort = await rawRequest(web.server.port, `/?token=${web.server.token}`, {
      headers: { Host: `127.0.0.1:${web.server.port + 1}` },
    });
    expect(wrongPort.status).toBe(403);
    const localhost = await rawRequest(web.server.port, `/?token=${web.server.token}`, {
      headers: { Host: `localhost:${web.server.port}` },
    });
    expect(localhost.status).toBe(200);
  });

  it('answers with the same Result the engine gives in process', async () => {
    const viaHttp = (await apiCall(web, 'store.stats', {})).json();
    expect(viaHttp).toEqual(await web.engine.dispatch('store.stats', {}));
  });
});
