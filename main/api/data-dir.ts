/**
 * Where the workbench keeps its data. Every face resolves it the same way, so the Electron app, the
 * CLI and web mode share one history: `--data-dir` > `VCHECK_DATA_DIR` > the platform's app-data dir.
 */
import os from 'node:os';
import path from 'node:path';

/** Folder name under the platform's app-data location. */
export const APP_DIR_NAME = 'vision-checkup-workbench';

/** The platform's app-data location for the workbench. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return path.posix.join(env.XDG_DATA_HOME || path.posix.join(home, '.local', 'share'), APP_DIR_NAME);
  }
}

/** The data directory to use: the flag, then `VCHECK_DATA_DIR`, then {@link defaultDataDir}. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.VCHECK_DATA_DIR;
  return chosen ? path.resolve(chosen) : defaultDataDir(process.platform, env);
}
