import { describe, expect, it } from 'vitest';
import { IMAGE_CSP, RENDERER_CSP, securityHeaders } from '../../../main/electron/csp.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('renderer CSP', () => {
  const policy = directives(RENDERER_CSP);

  it('denies by default and allows scripts from our origin only', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows inline or eval code, anywhere', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('lets images come from the image protocol but nothing connect outside', () => {
    expect(policy.get('img-src')).toContain('vcheck-image:');
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('is a single well-formed header value', () => {
    expect(RENDERER_CSP).not.toMatch(/[\r\n]/);
    expect([...policy.keys()].every((name) => /^[a-z-]+$/.test(name))).toBe(true);
  });
});

describe('image CSP', () => {
  it('treats an image as inert data', () => {
    expect(directives(IMAGE_CSP).get('default-src')).toEqual(["'none'"]);
    expect(directives(IMAGE_CSP).has('sandbox')).toBe(true);
  });

  it('goes out with nosniff', () => {
    expect(securityHeaders(IMAGE_CSP)).toEqual({
      'Content-Security-Policy': IMAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
