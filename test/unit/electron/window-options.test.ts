import { describe, expect, it } from 'vitest';
import { webPreferences, windowOptions } from '../../../main/electron/window-options.js';

describe('window options', () => {
  const options = windowOptions({
    preloadPath: '/app/out/main/electron/preload.cjs',
    iconPath: '/app/icon.png',
  });

  it('sandboxes the renderer: isolated context, no Node, web security on, no webviews', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the bundled CommonJS preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/main/electron/preload.cjs');
  });

  it('sets nothing that would weaken the sandbox', () => {
    const prefs = webPreferences('/p.cjs') as Record<string, unknown>;
    for (const key of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments', 'partition']) {
      expect(prefs[key], key).toBeUndefined();
    }
  });

  it('waits for the first paint before showing, and omits a missing icon', () => {
    expect(options.show).toBe(false);
    expect(options.icon).toBe('/app/icon.png');
    expect('icon' in windowOptions({ preloadPath: '/p.cjs' })).toBe(false);
  });
});
