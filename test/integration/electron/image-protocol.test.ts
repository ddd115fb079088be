import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { createImageProtocolHandler, imageHashOf } from '../../../main/electron/image-protocol.js';
import { IMAGE_CSP } from '../../../main/electron/csp.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';

describe('vcheck-image:// protocol over the real image store', () => {
  const data = tempDataDir('vcheck-image-protocol-');
  let engine: Engine;
  let hash: string;
  let handler: ReturnType<typeof createImageProtocolHandler>;
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  beforeAll(async () => {
    const seeded = seedStore(data.dir, { images: 2 });
    hash = seeded.imageHashes[0] ?? '';
    engine = await openEngine({ dataDir: data.dir });
    handler = createImageProtocolHandler((h) => engine.imagePath(h));
    // Bait next to the store: no URL may reach it.
    writeFileSync(path.join(data.dir, 'secret.png'), 'do not serve');
  });
  afterAll(async () => {
    await engine.close();
    data.cleanup();
  });

  it('serves a stored image, byte for byte, as an immutable inert PNG', async () => {
    const response = await get(`vcheck-image://img/${hash}.png`);
    expect(response.status).toBe(200);
    const expected = readFileSync(engine.imagePath(hash) ?? '');
    expect(Buffer.from(await response.arrayBuffer()).equals(expected)).toBe(true);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe(IMAGE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers HEAD without a body', async () => {
    const response = await get(`vcheck-image://img/${hash}.png`, 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a well-formed hash that is not stored', async () => {
    expect((await get(`vcheck-image://img/${'0'.repeat(64)}.png`)).status).toBe(404);
  });

  it.each([
    () => 'vcheck-image://img/../../../../etc/passwd',
    (h: string) => `vcheck-image://img/..%2f..%2f${h}.png`,
    () => 'vcheck-image://img/%2e%2e/%2e%2e/vcheck.sqlite',
    () => 'vcheck-image://img/../secret.png',
    () => 'vcheck-image://img/..%2Fsecret.png',
    () => 'vcheck-image://img/%2E%2E%5Csecret.png',
    () => 'vcheck-image://img/secret.png',
    () => 'vcheck-image://img/vcheck.sqlite',
    (h: string) => `vcheck-image://img/${h.slice(0, 2)}/${h}.png`,
    (h: string) => `vcheck-image://img/${h.toUpperCase()}.png`,
    (h: string) => `vcheck-image://img/${h}.PNG`,
    (h: string) => `vcheck-image://img/${h}.png/`,
    (h: string) => `vcheck-image://img/${h}.png?download=1`,
    (h: string) => `vcheck-image://img/%${h}.png`,
    (h: string) => `vcheck-image://img/${h.slice(0, 63)}.png`,
    (h: string) => `vcheck-image://other/${h}.png`,
    (h: string) => `app://img/${h}.png`,
    (h: string) => `file:///${h}.png`,
  ])('answers 404 to traversal and malformed variant #%#', async (variant) => {
    const url = variant(hash);
    const response = await get(url);
    expect(response.status, url).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('resolves dot segments inside the URL, so they can only name another store image', async () => {
    expect(imageHashOf(`vcheck-image://img/a/../../${hash}.png`)).toBe(hash);
    expect((await get(`vcheck-image://img/x/../${hash}.png`)).status).toBe(200);
  });

  it('refuses writes', async () => {
    expect((await get(`vcheck-image://img/${hash}.png`, 'PUT')).status).toBe(405);
  });

  it('extracts the hash only from the exact form', () => {
    expect(imageHashOf(`vcheck-image://img/${hash}.png`)).toBe(hash);
    expect(imageHashOf(`vcheck-image://img/${hash}.png#x`)).toBe(hash);
    expect(imageHashOf(`vcheck-image://user@img/${hash}.png`)).toBeNull();
    expect(imageHashOf('not a url')).toBeNull();
  });
});
