/**
 * Which face `vcheck start` opens: the Electron app where it can run (a binary, a display, not
 * root), web mode otherwise, with the one line that says why. Pure decisions plus the probe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const WEB_INSTEAD = 'serving the UI in web mode instead';

/** The Electron a native module must be built for: its version and its NODE_MODULE_VERSION. */
export interface ElectronRuntime {
  readonly version: string;
  /** From electron's `abi_version` file; null when an old package lacks it (then not verified). */
  readonly abi: string | null;
}

/** Electron as found in node_modules: its executable, or why there is none. */
export type ElectronProbe =
  { readonly binary: string; readonly runtime: ElectronRuntime } | { readonly missing: string };

/** What {@link decideStartMode} looks at. */
export interface StartProbe {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly electron: ElectronProbe;
  /** Root on Linux: Electron refuses to start without turning its sandbox off. */
  readonly isRoot: boolean;
  /** `--web` was given. */
  readonly forceWeb: boolean;
}

/** Which face `start` opens, and why web mode when it is web mode. */
export type StartMode =
  | { readonly kind: 'electron'; readonly binary: string; readonly runtime: ElectronRuntime }
  | { readonly kind: 'web'; readonly reason: string };

/** True where a window can be shown: always on macOS and Windows, with X11 or Wayland elsewhere. */
export function hasDisplay(platform: NodeJS.Platform, env: StartProbe['env']): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

/** Decides between the Electron app and web mode; the web reason is the one line printed. */
export function decideStartMode(probe: StartProbe): StartMode {
  const web = (why: string): StartMode => ({ kind: 'web', reason: `${why} — ${WEB_INSTEAD}` });
  if (probe.forceWeb) return web('Web mode requested (--web)');
  if ('missing' in probe.electron) return web(probe.electron.missing);
  if (!hasDisplay(probe.platform, probe.env))
    return web('No display (DISPLAY and WAYLAND_DISPLAY are unset)');
  if (probe.platform === 'linux' && probe.isRoot)
    return web('Electron will not run as root with its sandbox on');
  return { kind: 'electron', binary: probe.electron.binary, runtime: probe.electron.runtime };
}

/** Finds Electron from `appRoot`: `require('electron')` is its executable's path, and throws when skipped. */
export function probeElectron(appRoot: string): ElectronProbe {
  const require = createRequire(path.join(appRoot, 'package.json'));
  let runtime: ElectronRuntime;
  try {
    const { version } = require('electron/package.json') as { version: string };
    const abiFile = path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version');
    runtime = { version, abi: existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null };
  } catch {
    return { missing: 'Electron is not installed (dev dependencies were omitted)' };
  }
  let binary: unknown;
  try {
    binary = require('electron');
  } catch {
    return { missing: 'No Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  }
  if (typeof binary !== 'string' || !existsSync(binary))
    return { missing: `No Electron binary at ${String(binary)}` };
  return { binary, runtime };
}
