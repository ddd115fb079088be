/**
 * Where the Electron shell finds its pieces, relative to the app folder (the checkout when started
 * by `vcheck start`, the asar inside a packaged app).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Folder (relative to the app folder) where `vcheck start` puts better-sqlite3 rebuilt for
 * Electron's ABI, leaving node_modules for plain Node; main/cli/commands/start.ts writes it.
 */
export const ELECTRON_NATIVE_DIR = 'out/electron-native';
/** File name of the rebuilt better-sqlite3 binary inside {@link ELECTRON_NATIVE_DIR}. */
export const ELECTRON_SQLITE_FILE = 'better_sqlite3.node';

/** The files the shell loads. */
export interface AppPaths {
  readonly rendererDir: string;
  readonly preload: string;
  readonly icon: string;
  /** The Electron-ABI better-sqlite3 binary, when `vcheck start` built one. */
  readonly sqliteNativeBinding: string | undefined;
}

/** Resolves the shell's files under `appRoot` (electron's `app.getAppPath()`). */
export function appPaths(appRoot: string): AppPaths {
  const binding = path.join(appRoot, ELECTRON_NATIVE_DIR, ELECTRON_SQLITE_FILE);
  return {
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    preload: path.join(appRoot, 'out', 'main', 'electron', 'preload.cjs'),
    icon: path.join(appRoot, 'resources', 'icons', 'icon.png'),
    // A packaged app has none: electron-builder rebuilt node_modules for Electron itself.
    sqliteNativeBinding: existsSync(binding) ? binding : undefined,
  };
}
