/**
 * better-sqlite3 built for Electron's ABI under out/electron-native, leaving node_modules as plain
 * Node needs it, so `npm test` keeps working on the same checkout after `npm start`.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ElectronRuntime } from './start-mode.js';

/** Where the Electron-ABI better-sqlite3 goes; main/electron/app-paths.ts reads the same place. */
export const ELECTRON_NATIVE_DIR = 'out/electron-native';
const SQLITE_FILE = 'better_sqlite3.node';

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
