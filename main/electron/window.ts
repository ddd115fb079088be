/** The app window and its guards: navigation, new windows, permissions. */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import type { AppPaths } from './app-paths.js';
import { APP_ENTRY_URL, decideNavigation } from './navigation.js';
import { windowOptions } from './window-options.js';

function openExternally(url: string): void {
  // The decision already validated the scheme; a failure to launch a browser is not fatal.
  shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error));
}

/** Keeps the page on our origin; http(s) links open in the system browser, the rest is dropped. */
function guardNavigation(contents: WebContents): void {
  const onNavigate = (event: { preventDefault(): void; url: string }): void => {
    const decision = decideNavigation(event.url, true);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openExternally(decision.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, false);
    if (decision.action === 'open-external') openExternally(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The workbench asks for no permission (camera, notifications, clipboard, ...): all are refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Opens the main window on the app's entry page. */
export function createMainWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow(windowOptions({ preloadPath: paths.preload, iconPath: paths.icon }));
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the UI:', error));
  return window;
}

/** Brings a window to the front (a second `vcheck start` lands here). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
