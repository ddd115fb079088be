import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, rendererFileOf } from '../../../main/electron/app-protocol.js';
import { RENDERER_CSP } from '../../../main/electron/csp.js';

describe('app:// protocol serving the built renderer', () => {
  let root: string;
  let handler: ReturnType<typeof createAppProtocolHandler>;
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'vcheck-app-protocol-'));
    const renderer = path.join(root, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>workbench</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    symlinkSync(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
    handler = createAppProtocolHandler(renderer);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the entry page with the strict CSP', async () => {
    for (const url of ['app://vcheck/', 'app://vcheck/index.html', 'app://vcheck/runs/42']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>workbench</title>');
      expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const response = await get('app://vcheck/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
    const head = await get('app://vcheck/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://vcheck/../secret.txt',
    'app://vcheck/%2e%2e/secret.txt',
    'app://vcheck/assets/..%2f..%2fsecret.txt',
    'app://vcheck/assets%2F..%2F..%2Fsecret.txt',
    'app://vcheck/..%5csecret.txt',
    'app://vcheck/assets/link.txt',
    'app://vcheck/%00.js',
    'app://vcheck/%E0%A4%A.js',
    'app://vcheck/missing.js',
    'app://other/index.html',
    'vcheck-image://vcheck/index.html',
  ])('answers 404 to %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses writes', async () => {
    expect((await get('app://vcheck/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 when the renderer has not been built', async () => {
    const missing = createAppProtocolHandler(path.join(root, 'not-built'));
    expect((await missing(new Request('app://vcheck/'))).status).toBe(404);
  });

  it('maps URLs to renderer-relative files', () => {
    expect(rendererFileOf('app://vcheck/')).toBe('index.html');
    expect(rendererFileOf('app://vcheck/gallery')).toBe('index.html');
    expect(rendererFileOf('app://vcheck/assets/a%20b.css')).toBe('assets/a b.css');
    expect(rendererFileOf('app://vcheck/assets/..%2Fx.js')).toBeNull();
    expect(rendererFileOf('app://vcheck/C:%5Cwindows.js')).toBeNull();
  });
});
