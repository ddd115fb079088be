import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * electron-builder's own schema validation, run without packaging (packaging needs the Electron
 * zip, which these machines cannot download). Loaded from electron-builder's app-builder-lib.
 */
interface BuilderConfig {
  readonly [key: string]: unknown;
}
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = process.cwd();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'vcheck-builder-config-'));

async function validate(configPath: string): Promise<BuilderConfig> {
  const config = await getConfig(root, configPath, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

function variant(edit: (yaml: string) => string): string {
  const file = path.join(scratch, `variant-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, edit(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
  return file;
}

describe('electron-builder.yml', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes electron-builder schema validation', async () => {
    const config = await validate(path.join(root, 'electron-builder.yml'));
    expect(config.productName).toBe('Vision Check-up Workbench');
    expect(config.directories).toMatchObject({ output: 'release' });
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the build and unpacks every native module from the asar', async () => {
    const config = await validate(path.join(root, 'electron-builder.yml'));
    // electron-builder normalises `files` into file sets.
    const [files] = config.files as ReadonlyArray<{ filter: ReadonlyArray<string> }>;
    expect(files?.filter).toEqual(expect.arrayContaining(['out/**', 'package.json', 'resources/**']));
    expect(files?.filter).toContain('!out/electron-native/**');
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/*.node',
        'node_modules/better-sqlite3/**',
        'node_modules/onnxruntime-node/**',
        'node_modules/node-llama-cpp/**',
        'node_modules/@node-llama-cpp/**',
        'node_modules/@napi-rs/**',
        'node_modules/@resvg/**',
      ]),
    );
  });

  it('targets AppImage + deb, dmg and nsis', async () => {
    const config = (await validate(path.join(root, 'electron-builder.yml'))) as Record<
      string,
      { target?: unknown }
    >;
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('points at files that exist: the icon and the Electron entry of package.json', async () => {
    const config = await validate(path.join(root, 'electron-builder.yml'));
    const icon = readFileSync(path.join(root, String(config.icon)));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/electron/index.js');
  });

  it('fails on an unknown key', async () => {
    await expect(validate(variant((yaml) => `${yaml}\nasarUnpak:\n  - '**/*.node'\n`))).rejects.toThrow(
      /unknown property 'asarUnpak'/,
    );
  });

  it('fails on a misplaced platform option', async () => {
    const misplaced = variant((yaml) =>
      yaml.replace('  category: Science', '  category: Science\n  oneClick: true'),
    );
    await expect(validate(misplaced)).rejects.toThrow(/Invalid configuration object/);
  });
});
