/**
 * The options of the app window, as a pure function so the security settings are asserted by tests
 * (the type comes from electron, but only as a type: nothing of electron runs here).
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Inputs of {@link windowOptions}. */
export interface WindowInputs {
  /** Absolute path of the bundled preload (out/main/electron/preload.cjs). */
  readonly preloadPath: string;
  /** Absolute path of the window icon (Linux shows it; macOS and Windows use the bundle's). */
  readonly iconPath?: string;
}

/** The renderer's sandbox: no Node, isolated context, web security on, no webviews. */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Options of the main window. */
export function windowOptions(inputs: WindowInputs): BrowserWindowConstructorOptions {
  return {
    title: 'Vision Check-up Workbench',
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#111418',
    ...(inputs.iconPath === undefined ? {} : { icon: inputs.iconPath }),
    webPreferences: webPreferences(inputs.preloadPath),
  };
}
