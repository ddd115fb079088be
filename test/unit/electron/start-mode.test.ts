import { describe, expect, it } from 'vitest';
import { decideStartMode, hasDisplay, type StartProbe } from '../../../main/cli/launch/start-mode.js';

const workstation: StartProbe = {
  platform: 'linux',
  env: { DISPLAY: ':0' },
  electron: {
    binary: '/app/node_modules/electron/dist/electron',
    runtime: { version: '41.7.1', abi: '145' },
  },
  isRoot: false,
  forceWeb: false,
};

describe('vcheck start: which face opens', () => {
  it('opens Electron on a Linux desktop with X11', () => {
    expect(decideStartMode(workstation)).toEqual({
      kind: 'electron',
      binary: '/app/node_modules/electron/dist/electron',
      runtime: { version: '41.7.1', abi: '145' },
    });
  });

  it('opens Electron under Wayland without X11', () => {
    expect(decideStartMode({ ...workstation, env: { WAYLAND_DISPLAY: 'wayland-0' } }).kind).toBe('electron');
  });

  it.each(['darwin', 'win32'] as const)('opens Electron on %s without any display variable', (platform) => {
    expect(decideStartMode({ ...workstation, platform, env: {} }).kind).toBe('electron');
  });

  it('serves web mode when the binary download was skipped, in one line that says so', () => {
    const mode = decideStartMode({
      ...workstation,
      electron: { missing: 'No Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)' },
    });
    expect(mode).toEqual({
      kind: 'web',
      reason:
        'No Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD) — serving the UI in web mode instead',
    });
  });

  it('serves web mode on a headless Linux box (no DISPLAY, no WAYLAND_DISPLAY, or empty ones)', () => {
    for (const env of [{}, { DISPLAY: '' }, { WAYLAND_DISPLAY: '', DISPLAY: undefined }]) {
      const mode = decideStartMode({ ...workstation, env });
      expect(mode.kind).toBe('web');
      expect(mode.kind === 'web' && mode.reason).toMatch(
        /^No display .* — serving the UI in web mode instead$/,
      );
    }
  });

  it('treats other Unixes like Linux', () => {
    expect(decideStartMode({ ...workstation, platform: 'freebsd', env: {} }).kind).toBe('web');
    expect(hasDisplay('freebsd', { DISPLAY: ':1' })).toBe(true);
  });

  it('serves web mode for root on Linux rather than turning the Chromium sandbox off', () => {
    const mode = decideStartMode({ ...workstation, isRoot: true });
    expect(mode.kind === 'web' && mode.reason).toMatch(/root/);
    expect(decideStartMode({ ...workstation, platform: 'darwin', isRoot: true }).kind).toBe('electron');
  });

  it('serves web mode when asked, even where Electron could run', () => {
    const mode = decideStartMode({ ...workstation, forceWeb: true });
    expect(mode.kind === 'web' && mode.reason).toBe(
      'Web mode requested (--web) — serving the UI in web mode instead',
    );
  });

  it('names the missing binary before the missing display (the first thing to fix)', () => {
    const mode = decideStartMode({
      ...workstation,
      env: {},
      electron: { missing: 'No Electron binary at /x' },
    });
    expect(mode.kind === 'web' && mode.reason).toMatch(/^No Electron binary at \/x/);
  });

  it('every web reason is a single line', () => {
    const probes: StartProbe[] = [
      { ...workstation, forceWeb: true },
      { ...workstation, env: {} },
      { ...workstation, isRoot: true },
      { ...workstation, electron: { missing: 'Electron is not installed' } },
    ];
    for (const probe of probes) {
      const mode = decideStartMode(probe);
      expect(mode.kind === 'web' && !mode.reason.includes('\n')).toBe(true);
    }
  });
});
