import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, rawRequest, startWebFixture, type WebFixture } from './web-fixture.js';

describe('web mode in dev (Vite middleware)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWebFixture({ dev: true });
  });
  afterAll(() => web.close());

  it('serves the renderer from source behind the token, without the CSP meta that blocks Vite', async () => {
    expect((await rawRequest(web.server.port, '/')).status).toBe(401);
    const page = await rawRequest(web.server.port, `/?token=${web.server.token}`);
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).toContain('/@vite/client');
    expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);
  });

  it('still answers contract calls (POST) under /api/ while Vite serves sources there (GET)', async () => {
    const call = await apiCall(web, 'runs.list', {});
    expect(call.status).toBe(200);
    expect(call.json()).toMatchObject({ ok: true, value: { total: 2 } });
    const source = await rawRequest(web.server.port, `/main.tsx?token=${web.server.token}`);
    expect(source.status).toBe(200);
    expect(String(source.headers['content-type'])).toMatch(/javascript/);
  });
});
