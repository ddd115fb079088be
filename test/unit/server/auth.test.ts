import { describe, expect, it } from 'vitest';
import { AccessPolicy, newAccessToken, readCookie, tokenMatches } from '../../../main/server/auth.js';

describe('access token', () => {
  it('is 32 random bytes in base64url, new every launch', () => {
    const a = newAccessToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    const token = newAccessToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; vcheck_token_80=abc; b=2', 'vcheck_token_80')).toBe('abc');
    expect(readCookie('xvcheck_token_80=abc', 'vcheck_token_80')).toBeNull();
    expect(readCookie(undefined, 'a')).toBeNull();
  });
});

describe('Host header check (DNS rebinding)', () => {
  it('accepts loopback names with the right port when bound to loopback', () => {
    const policy = new AccessPolicy('t', '127.0.0.1', 4321);
    for (const host of ['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST:4321', '[::1]:4321']) {
      expect(policy.hostAllowed(host), host).toBe(true);
    }
    for (const host of ['127.0.0.1:4322', 'evil.example:4321', '127.0.0.1', undefined]) {
      expect(policy.hostAllowed(host), String(host)).toBe(false);
    }
  });

  it('accepts only the bound address for a specific interface, and any name for a wildcard bind', () => {
    expect(new AccessPolicy('t', '10.0.0.5', 80).hostAllowed('10.0.0.5:80')).toBe(true);
    expect(new AccessPolicy('t', '10.0.0.5', 80).hostAllowed('localhost:80')).toBe(false);
    expect(new AccessPolicy('t', '0.0.0.0', 80).hostAllowed('gpu-box.lab:80')).toBe(true);
  });

  it('accepts a WebSocket Origin only when absent or the page is ours', () => {
    const policy = new AccessPolicy('t', '127.0.0.1', 4321);
    expect(policy.originAllowed(undefined, '127.0.0.1:4321')).toBe(true);
    expect(policy.originAllowed('http://127.0.0.1:4321', '127.0.0.1:4321')).toBe(true);
    expect(policy.originAllowed('http://evil.example', '127.0.0.1:4321')).toBe(false);
    expect(policy.originAllowed('null', '127.0.0.1:4321')).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie named after the port', () => {
    expect(new AccessPolicy('tok', '127.0.0.1', 4321).cookieHeader()).toBe(
      'vcheck_token_4321=tok; HttpOnly; SameSite=Strict; Path=/',
    );
  });
});
