import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../main/server/api-route.js';
import { imageHashOf } from '../../../main/server/image-route.js';
import { contentSecurityPolicy, resolveInside } from '../../../main/server/static-files.js';

const HASH = 'ab'.repeat(32);

describe('image names', () => {
  it('accepts only <64 lowercase hex>.png', () => {
    expect(imageHashOf(`${HASH}.png`)).toBe(HASH);
    for (const rest of [
      `${HASH.toUpperCase()}.png`,
      `${HASH}.PNG`,
      HASH,
      `../${HASH}.png`,
      `${HASH}.png/x`,
      '%2e%2e%2f',
    ]) {
      expect(imageHashOf(rest), rest).toBeNull();
    }
  });
});

describe('static path resolution', () => {
  const root = path.resolve('/srv/ui');
  it('maps request paths inside the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it.each([
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/a/..%2f..%2fx',
    '/..%5cx',
    '/a%00.html',
    '/%E0%A4%A',
    'relative',
  ])('refuses %s', (raw) => expect(resolveInside(root, raw)).toBeNull());
});

describe('HTTP mapping', () => {
  it('gives each error code its status', () => {
    expect(statusOf('validation')).toBe(400);
    expect(statusOf('unauthorized')).toBe(401);
    expect(statusOf('unknown_call')).toBe(404);
    expect(statusOf('not_found')).toBe(404);
    expect(statusOf('conflict')).toBe(409);
    expect(statusOf('cancelled')).toBe(409);
    expect(statusOf('unavailable')).toBe(503);
    expect(statusOf('internal')).toBe(500);
  });

  it('builds the strict CSP for the page host', () => {
    expect(contentSecurityPolicy('127.0.0.1:9')).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://127.0.0.1:9; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});
