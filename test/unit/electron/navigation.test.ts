import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  decideNavigation,
  isAppUrl,
  isTrustedSender,
} from '../../../main/electron/navigation.js';

describe('navigation guard', () => {
  it('keeps in-app navigation in the window', () => {
    expect(decideNavigation(APP_ENTRY_URL, true)).toEqual({ action: 'allow' });
    expect(decideNavigation(`${APP_ORIGIN}/runs/42?tab=gallery#top`, true)).toEqual({ action: 'allow' });
  });

  it('never opens a second app window', () => {
    expect(decideNavigation(APP_ENTRY_URL, false)).toEqual({ action: 'deny' });
  });

  it('sends http(s) links to the system browser, normalised', () => {
    expect(decideNavigation('https://arxiv.org/abs/2401.01862', true)).toEqual({
      action: 'open-external',
      url: 'https://arxiv.org/abs/2401.01862',
    });
    expect(decideNavigation('HTTP://Example.org', false)).toEqual({
      action: 'open-external',
      url: 'http://example.org/',
    });
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vcheck-image://img/../../etc/passwd',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.org/',
    'app://evil/index.html',
    'app://vcheck.evil.org/index.html',
    'app://vcheck:8080/index.html',
    'not a url',
    '',
  ])('denies %j', (url) => {
    expect(decideNavigation(url, true)).toEqual({ action: 'deny' });
  });
});

describe('IPC sender check', () => {
  it('trusts frames of our origin only', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/settings`)).toBe(true);
    for (const url of [
      undefined,
      null,
      '',
      'about:blank',
      'file:///work/main/out/renderer/index.html',
      'https://vcheck/',
      'app://other/index.html',
      'app://x@vcheck/index.html',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('isAppUrl rejects values that are not strings', () => {
    expect(isAppUrl(new URL(APP_ENTRY_URL))).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});
