import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startWebFixture, type WebFixture } from './web-fixture.js';

describe('web mode images and static files', () => {
  let web: WebFixture;
  let get: (target: string, headers?: Record<string, string>) => ReturnType<typeof rawRequest>;
  beforeAll(async () => {
    web = await startWebFixture();
    get = (target, headers = {}) => rawRequest(web.server.port, target, { headers });
  });
  afterAll(() => web.close());

  const withToken = (target: string): string =>
    `${target}${target.includes('?') ? '&' : '?'}token=${web.server.token}`;

  it('serves a stored image as PNG with nosniff and a long cache', async () => {
    const hash = web.imageHashes[0] ?? '';
    const res = await get(withToken(`/images/${hash}.png`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.body.equals(readFileSync(web.engine.imagePath(hash) ?? ''))).toBe(true);
  });

  it('refuses image requests without the token, and accepts the cookie it set', async () => {
    const target = `/images/${web.imageHashes[1]}.png`;
    expect((await get(target)).status).toBe(401);
    const first = await get(withToken(target));
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^vcheck_token_${web.server.port}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await get(target, { Cookie: cookie.split(';')[0] ?? '' })).status).toBe(200);
    expect((await get(target, { Cookie: `vcheck_token_${web.server.port}=wrong` })).status).toBe(401);
  });

  it.each([
    '/images/..%2f..%2fetc%2fpasswd',
    '/images/../x',
    '/images/%2e%2e%2fsecret.txt',
    '/images/..%5c..%5csecret.txt',
    '/images/not-a-hash.png',
    `/images/${'A'.repeat(64)}.png`,
    `/images/${'a'.repeat(64)}.png`,
    `/images/${'a'.repeat(64)}.png%00`,
  ])('refuses %s with 404', async (target) => {
    const res = await get(withToken(target));
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('root:');
  });

  it('serves the UI with a strict CSP and falls back to index.html for client routes', async () => {
    const res = await get(withToken('/'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${web.server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    const route = await get(withToken('/runs/42'));
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('vcheck test ui');
    const asset = await get(withToken('/assets/app-1234.js'));
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await get(withToken('/assets/missing.js'))).status).toBe(404);
  });

  it('refuses the UI without the token', async () => {
    const res = await get('/');
    expect(res.status).toBe(401);
    expect(res.body.toString()).not.toContain('vcheck test ui');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses the static traversal %s', async (target) => {
    const res = await get(withToken(target));
    expect(res.body.toString()).not.toContain('TOP SECRET');
    expect(res.status).toBe(404);
  });
});

describe('web mode without a built UI', () => {
  it('says in one line to run npm run build', async () => {
    const web = await startWebFixture({ staticDir: '/nonexistent/vcheck-ui' });
    try {
      const res = await rawRequest(web.server.port, `/?token=${web.server.token}`);
      expect(res.status).toBe(503);
      expect(res.body.toString().trim()).toMatch(/^[^\n]*npm run build[^\n]*$/);
    } finally {
      await web.close();
    }
  });
});
