/**
 * The Electron composition root: one instance, one engine on the shared data directory, the
 * protocols, the IPC bridge and the window. Every decision lives in a pure module next to this one.
 */
import './schemes.js';
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { IMAGE_PROTOCOL } from '../../shared/transport.js';
import { resolveDataDir } from '../api/data-dir.js';
import type { Engine } from '../api/engine.js';
import { openEngine } from '../api/open-engine.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { appPaths } from './app-paths.js';
import { createImageProtocolHandler } from './image-protocol.js';
import { registerIpc } from './ipc.js';
import { APP_SCHEME } from './navigation.js';
import { createMainWindow, denyAllPermissions, focusWindow } from './window.js';

/** Closes the engine (cancelling running jobs, closing SQLite) before the process exits. */
function closeEngineOnQuit(engine: Engine): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    engine
      .close()
      .catch((error: unknown) => console.error('Closing the engine failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths(app.getAppPath());
  // The same data directory as the CLI and web mode (VCHECK_DATA_DIR, set by `vcheck start --data-dir`).
  const engine = await openEngine({
    dataDir: resolveDataDir(),
    sqliteNativeBinding: paths.sqliteNativeBinding,
  });
  closeEngineOnQuit(engine);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));
  protocol.handle(
    IMAGE_PROTOCOL,
    createImageProtocolHandler((hash) => engine.imagePath(hash)),
  );
  denyAllPermissions(session.defaultSession);
  registerIpc(engine);

  let window = createMainWindow(paths);
  const ensureWindow = (): BrowserWindow => {
    if (window.isDestroyed()) window = createMainWindow(paths);
    return window;
  };
  app.on('second-instance', () => focusWindow(ensureWindow()));
  app.on('activate', () => ensureWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another window is already open; it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Vision Check-up Workbench could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
