/**
 * `vcheck start` (what `npm start` runs after building): the Electron app where it can run, and web
 * mode, said in one line, where it cannot (no Electron binary, no display). Before launching
 * Electron it makes sure better-sqlite3 exists built for Electron's ABI under out/electron-native,
 * leaving node_modules as plain Node needs it, so `npm test` keeps working on the same checkout.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { packageInfo } from '../../api/package-info.js';
import { portNumber } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError } from '../errors.js';

/** Where the Electron-ABI better-sqlite3 goes; main/electron/app-paths.ts reads the same place. */
export const ELECTRON_NATIVE_DIR = 'out/electron-native';
const SQLITE_FILE = 'better_sqlite3.node';
const WEB_INSTEAD = 'serving the UI in web mode instead';

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

/** One way of getting better-sqlite3 for Electron, run inside a scratch copy of the package. */
export interface NativeBuildStep {
  readonly label: string;
  readonly command: string;
  readonly args: ReadonlyArray<string>;
}

/** Download a prebuilt binary for Electron's ABI; failing that, compile against Electron's headers. */
export function electronSqliteSteps(
  appRoot: string,
  electronVersion: string,
  arch: string,
): NativeBuildStep[] {
  const fromSqlite = createRequire(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'));
  const tool = (id: string): string | null => {
    try {
      return fromSqlite.resolve(id);
    } catch {
      return null;
    }
  };
  const prebuild = tool('prebuild-install/bin.js');
  const gyp = tool('node-gyp/bin/node-gyp.js');
  const steps: NativeBuildStep[] = [];
  const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`];
  if (prebuild)
    steps.push({ label: 'prebuild-install', command: process.execPath, args: [prebuild, ...target] });
  if (gyp) {
    const headers = '--dist-url=https://electronjs.org/headers';
    steps.push({
      label: 'node-gyp',
      command: process.execPath,
      args: [gyp, 'rebuild', '--release', ...target, headers],
    });
  }
  return steps;
}

/** Inputs of {@link ensureElectronSqlite}. */
export interface ElectronSqliteRequest {
  readonly appRoot: string;
  readonly electron: ElectronRuntime;
  readonly arch?: string;
  /** Default {@link electronSqliteSteps}; tests pass their own commands. */
  readonly steps?: (pkgDir: string) => ReadonlyArray<NativeBuildStep>;
  readonly log?: (line: string) => void;
}

/** The outcome: the binary (already current or just built), or why it could not be made. */
export type ElectronSqliteOutcome =
  | { readonly status: 'up-to-date' | 'built'; readonly file: string }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * npm passes its config to children as npm_config_*; a `nodedir` (set on machines that build
 * against the system Node headers) or `target` there would silently beat our Electron flags.
 */
const ABI_OVERRIDES =
  /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source)$/i;

/** The environment of a build step: ours, minus npm settings that would change the target ABI. */
export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ABI_OVERRIDES.test(name)));
}

/**
 * True when a Node addon was built for NODE_MODULE_VERSION `abi`: context-aware addons such as
 * better-sqlite3 export `node_register_module_v<abi>`. Catches a "successful" build for the wrong ABI.
 */
export function addonBuiltForAbi(addon: Uint8Array, abi: string | null): boolean {
  if (abi === null) return true;
  const symbol = Buffer.from(`node_register_module_v${abi}\0`, 'latin1');
  return Buffer.from(addon.buffer, addon.byteOffset, addon.byteLength).includes(symbol);
}

function runStep(step: NativeBuildStep, cwd: string, logFile: string): Promise<number> {
  const fd = openSync(logFile, 'a');
  return new Promise<number>((resolve) => {
    const child = spawn(step.command, [...step.args], {
      cwd,
      stdio: ['ignore', fd, fd],
      env: buildEnvironment(process.env),
    });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? -1));
  }).finally(() => closeSync(fd));
}

/** The files of out/electron-native and the stamp naming what the binary was built for. */
function nativeFiles(appRoot: string, electron: ElectronRuntime, arch: string) {
  const outDir = path.join(appRoot, ELECTRON_NATIVE_DIR);
  const source = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const pkg = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  const stamp = { electron, betterSqlite3: pkg.version, platform: process.platform, arch };
  return {
    source,
    outDir,
    target: path.join(outDir, SQLITE_FILE),
    stampFile: path.join(outDir, 'stamp.json'),
    logFile: path.join(outDir, 'build.log'),
    stamp: JSON.stringify(stamp),
  };
}

/** Runs the steps in order inside `pkgDir` until one produces a binary for the ABI; returns it or what failed. */
async function firstSuccessfulBuild(
  steps: ReadonlyArray<NativeBuildStep>,
  pkgDir: string,
  request: ElectronSqliteRequest & { readonly logFile: string },
): Promise<{ readonly built: string } | { readonly failed: string }> {
  const tried: string[] = [];
  for (const step of steps) {
    request.log?.(
      `vcheck: building better-sqlite3 for Electron with ${step.label} (log: ${request.logFile})`,
    );
    const code = await runStep(step, pkgDir, request.logFile);
    const built = path.join(pkgDir, 'build', 'Release', SQLITE_FILE);
    if (code !== 0 || !existsSync(built)) {
      tried.push(`${step.label} failed`);
    } else if (!addonBuiltForAbi(readFileSync(built), request.electron.abi)) {
      tried.push(`${step.label} built for another ABI than ${request.electron.abi}`);
    } else {
      return { built };
    }
  }
  const reason = tried.length > 0 ? `${tried.join(', ')}; see ${request.logFile}` : 'no build tool found';
  return { failed: reason };
}

/**
 * Makes out/electron-native/better_sqlite3.node for the given Electron, unless the stamp says it is
 * already there. Works on a scratch copy of the package: node_modules is never written.
 */
export async function ensureElectronSqlite(request: ElectronSqliteRequest): Promise<ElectronSqliteOutcome> {
  const { appRoot, electron, arch = process.arch } = request;
  const files = nativeFiles(appRoot, electron, arch);
  if (existsSync(files.target) && existsSync(files.stampFile)) {
    if (readFileSync(files.stampFile, 'utf8') === files.stamp)
      return { status: 'up-to-date', file: files.target };
  }
  mkdirSync(files.outDir, { recursive: true });
  rmSync(files.stampFile, { force: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vcheck-electron-sqlite-'));
  try {
    const pkgDir = path.join(scratch, 'better-sqlite3');
    // Without build/: a step that "succeeds" without output must not pass off the Node-ABI binary.
    const filter = (file: string): boolean => file !== path.join(files.source, 'build');
    cpSync(files.source, pkgDir, { recursive: true, filter });
    const steps = request.steps?.(pkgDir) ?? electronSqliteSteps(appRoot, electron.version, arch);
    const outcome = await firstSuccessfulBuild(steps, pkgDir, { ...request, logFile: files.logFile });
    if ('failed' in outcome) return { status: 'failed', reason: outcome.failed };
    copyFileSync(outcome.built, `${files.target}.tmp`);
    renameSync(`${files.target}.tmp`, files.target);
    writeFileSync(files.stampFile, files.stamp);
    return { status: 'built', file: files.target };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs Electron on the app folder with the CLI's data directory; resolves with its exit code. */
function runElectron(binary: string, appRoot: string, dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, VCHECK_DATA_DIR: dataDir };
  // Inherited from a parent Electron, this would make the binary a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [appRoot], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new CliError(`could not start Electron: ${error.message}`)));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function start(
  ctx: CliContext,
  options: { readonly port: number; readonly web?: boolean },
): Promise<number> {
  const appRoot = packageInfo().root;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const probe = { platform: process.platform, env: process.env, electron: probeElectron(appRoot), isRoot };
  let mode = decideStartMode({ ...probe, forceWeb: options.web === true });
  if (mode.kind === 'electron') {
    if (!existsSync(path.join(appRoot, 'out', 'main', 'electron', 'index.js'))) {
      throw new CliError('the Electron app is not built: run `npm start` (it builds first).');
    }
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const sqlite = await ensureElectronSqlite({ appRoot, electron: mode.runtime, log });
    if (sqlite.status === 'failed') {
      mode = {
        kind: 'web',
        reason: `Could not build better-sqlite3 for Electron (${sqlite.reason}) — ${WEB_INSTEAD}`,
      };
    }
  }
  if (mode.kind === 'electron') return runElectron(mode.binary, appRoot, ctx.dataDir());
  // stderr: the first line of stdout stays the URL, as with `vcheck serve`.
  process.stderr.write(`${mode.reason}\n`);
  return ctx.serve({ port: options.port });
}

/** Registers `start`. */
export function registerStartCommand(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('open the workbench: the Electron app where it can run, otherwise web mode (prints the URL)')
    .option('--web', 'serve the UI in web mode even where Electron could run')
    .option('--port <port>', 'port for web mode (0 picks a free one)', portNumber, 0)
    .action(
      action(async (options: { port: number; web?: boolean }) => {
        process.exitCode = await start(ctx, options);
      }),
    );
}
