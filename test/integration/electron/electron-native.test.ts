import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addonBuiltForAbi,
  buildEnvironment,
  ELECTRON_NATIVE_DIR,
  electronSqliteSteps,
  ensureElectronSqlite,
  type NativeBuildStep,
} from '../../../main/cli/launch/electron-native.js';
import { probeElectron } from '../../../main/cli/launch/start-mode.js';
import {
  ELECTRON_NATIVE_DIR as SHELL_NATIVE_DIR,
  ELECTRON_SQLITE_FILE,
} from '../../../main/electron/app-paths.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A throw-away app folder with a small better-sqlite3 package whose build/ holds a "Node-ABI" binary. */
function fixtureApp(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vcheck-native-'));
  roots.push(root);
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
  mkdirSync(path.join(pkg, 'src'));
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }),
  );
  writeFileSync(path.join(pkg, 'src', 'addon.cc'), '// source');
  writeFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI');
  return root;
}

const node = (label: string, script: string): NativeBuildStep => ({
  label,
  command: process.execPath,
  args: ['-e', script],
});
const failing = node('download', 'console.log("no network"); process.exit(3)');
const silent = node('silent', '');
/** A "compiler" that writes an addon exporting the registration symbol of NODE_MODULE_VERSION `abi`. */
const compilingFor = (abi: string): NativeBuildStep =>
  node(
    `compile-v${abi}`,
    `const fs = require('fs'); fs.mkdirSync('build/Release', { recursive: true });
     fs.writeFileSync('build/Release/better_sqlite3.node', process.cwd() + '\\0node_register_module_v${abi}\\0');`,
  );
const compiling = compilingFor('145');
const electron = { version: '41.7.1', abi: '145' };

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, name.name);
      hash.update(full);
      if (name.isDirectory()) walk(full);
      else hash.update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('better-sqlite3 for Electron, built beside node_modules', () => {
  it('uses the folder the Electron shell loads from', () => {
    expect(ELECTRON_NATIVE_DIR).toBe(SHELL_NATIVE_DIR);
  });

  it('falls through failing steps, builds in a scratch copy and never writes node_modules', async () => {
    const app = fixtureApp();
    const pkg = path.join(app, 'node_modules', 'better-sqlite3');
    const before = treeHash(pkg);
    const lines: string[] = [];
    const seenDirs: string[] = [];
    const outcome = await ensureElectronSqlite({
      appRoot: app,
      electron,
      steps: (dir) => (seenDirs.push(dir), [failing, silent, compiling]),
      log: (line) => lines.push(line),
    });
    const target = path.join(app, ELECTRON_NATIVE_DIR, ELECTRON_SQLITE_FILE);
    expect(outcome).toEqual({ status: 'built', file: target });
    const built = readFileSync(target, 'utf8');
    expect(built).toContain('node_register_module_v145');
    const scratch = built.split('\0')[0] ?? '';
    expect(scratch).toBe(seenDirs[0]);
    expect(scratch.startsWith(app)).toBe(false);
    expect(existsSync(scratch)).toBe(false);
    expect(treeHash(pkg)).toBe(before);
    expect(lines.map((l) => l.match(/with ([\w-]+)/)?.[1])).toEqual(['download', 'silent', 'compile-v145']);
    expect(readFileSync(path.join(app, ELECTRON_NATIVE_DIR, 'build.log'), 'utf8')).toContain('no network');
  });

  it('skips the build when the stamp matches, and rebuilds for another Electron', async () => {
    const app = fixtureApp();
    await ensureElectronSqlite({ appRoot: app, electron, steps: () => [compiling] });
    const marker = path.join(app, 'ran');
    const recording = node('record', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`);
    const again = await ensureElectronSqlite({ appRoot: app, electron, steps: () => [recording] });
    expect(again.status).toBe('up-to-date');
    expect(existsSync(marker)).toBe(false);
    const other = await ensureElectronSqlite({
      appRoot: app,
      electron: { version: '42.0.0', abi: '146' },
      steps: () => [recording, compilingFor('146')],
    });
    expect(other.status).toBe('built');
    expect(existsSync(marker)).toBe(true);
  });

  it('reports failure with the log to read, and leaves no stamp behind', async () => {
    const app = fixtureApp();
    const outcome = await ensureElectronSqlite({ appRoot: app, electron, steps: () => [failing, silent] });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(
      /download failed, silent failed; see .*build\.log/,
    );
    expect(existsSync(path.join(app, ELECTRON_NATIVE_DIR, 'stamp.json'))).toBe(false);
    const none = await ensureElectronSqlite({ appRoot: app, electron, steps: () => [] });
    expect(none).toEqual({ status: 'failed', reason: 'no build tool found' });
  });

  it('refuses a build for another ABI (e.g. against the system Node headers)', async () => {
    const app = fixtureApp();
    const outcome = await ensureElectronSqlite({
      appRoot: app,
      electron,
      steps: () => [compilingFor('115')],
    });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(
      /compile-v115 built for another ABI than 145/,
    );
    expect(existsSync(path.join(app, ELECTRON_NATIVE_DIR, ELECTRON_SQLITE_FILE))).toBe(false);
  });

  it('recognises the ABI of a real addon', () => {
    const real = readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addonBuiltForAbi(real, process.versions.modules)).toBe(true);
    expect(addonBuiltForAbi(real, '145')).toBe(false);
    expect(addonBuiltForAbi(real, null)).toBe(true);
  });

  it('keeps npm settings that would change the target ABI away from the build tools', () => {
    const env = buildEnvironment({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cache: '/home/me/.npm',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cache: '/home/me/.npm',
    });
  });

  it('plans prebuild-install, then node-gyp against Electron headers, from this checkout', () => {
    const steps = electronSqliteSteps(process.cwd(), '41.7.1', 'x64');
    expect(steps.map((s) => s.label)).toEqual(['prebuild-install', 'node-gyp']);
    for (const step of steps) {
      expect(step.args).toEqual(
        expect.arrayContaining(['--runtime=electron', '--target=41.7.1', '--arch=x64']),
      );
      expect(existsSync(step.args[0] ?? '')).toBe(true);
    }
    expect(steps[1]?.args).toEqual(
      expect.arrayContaining(['rebuild', '--dist-url=https://electronjs.org/headers']),
    );
  });

  it('runs the real tools on a copy of the real package without touching node_modules', async () => {
    const app = mkdtempSync(path.join(os.tmpdir(), 'vcheck-native-real-'));
    roots.push(app);
    symlinkSync(path.resolve('node_modules'), path.join(app, 'node_modules'));
    const binary = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const before = createHash('sha256').update(readFileSync(binary)).digest('hex');
    // Offline this fails (no GitHub, no electronjs.org); online it builds. Either way node_modules stays.
    const outcome = await ensureElectronSqlite({ appRoot: app, electron: { version: '41.7.1', abi: '145' } });
    expect(['built', 'failed']).toContain(outcome.status);
    if (outcome.status === 'built') expect(addonBuiltForAbi(readFileSync(outcome.file), '145')).toBe(true);
    expect(createHash('sha256').update(readFileSync(binary)).digest('hex')).toBe(before);
  }, 300_000);
});

describe('finding Electron', () => {
  function withElectron(index: string | null): string {
    const app = mkdtempSync(path.join(os.tmpdir(), 'vcheck-probe-'));
    roots.push(app);
    writeFileSync(path.join(app, 'package.json'), '{}');
    if (index === null) return app;
    const dir = path.join(app, 'node_modules', 'electron');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'electron', version: '41.7.1', main: 'index.js' }),
    );
    writeFileSync(path.join(dir, 'index.js'), index);
    return app;
  }

  it('says when Electron is not installed at all', () => {
    expect(probeElectron(withElectron(null))).toEqual({ missing: expect.stringMatching(/not installed/) });
  });

  it('recognises a skipped binary download (require throws)', () => {
    const app = withElectron("throw new Error('Electron failed to install correctly')");
    expect(probeElectron(app)).toEqual({
      missing: 'No Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)',
    });
  });

  it('refuses a path that does not exist', () => {
    const app = withElectron("module.exports = '/nowhere/electron'");
    expect(probeElectron(app)).toEqual({ missing: 'No Electron binary at /nowhere/electron' });
  });

  it('returns the executable and version when the binary is there', () => {
    const app = withElectron('module.exports = process.execPath');
    expect(probeElectron(app)).toEqual({
      binary: process.execPath,
      runtime: { version: '41.7.1', abi: null },
    });
    writeFileSync(path.join(app, 'node_modules', 'electron', 'abi_version'), '145\n');
    expect(probeElectron(app)).toEqual({
      binary: process.execPath,
      runtime: { version: '41.7.1', abi: '145' },
    });
  });
});
