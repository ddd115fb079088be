import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract.js';
import { IPC_CALL_PREFIX, type PreloadBridge } from '../../../shared/transport.js';

/**
 * Builds the preload with the package's own `build:preload` command and checks what a sandboxed
 * preload needs: one CommonJS file that requires nothing but 'electron'.
 */
describe('preload bundle', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-preload-'));
  const outFile = path.join(outDir, 'preload.cjs');
  let code = '';

  beforeAll(() => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    const [command, ...args] = (scripts['build:preload'] ?? '').split(' ');
    expect(command).toBe('esbuild');
    const patched = args.map((arg) => (arg.startsWith('--outfile=') ? `--outfile=${outFile}` : arg));
    execFileSync(path.join('node_modules', '.bin', 'esbuild'), patched, { stdio: 'pipe' });
    code = readFileSync(outFile, 'utf8');
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('requires only electron at run time, and carries no zod', () => {
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod|ZodError/);
    expect(code.length).toBeLessThan(20_000);
  });

  it('exposes exactly window.vcheck, which forwards contract calls and refuses others', async () => {
    const exposed = new Map<string, PreloadBridge>();
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: PreloadBridge) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string) => {
          invoked.push(channel);
          return { ok: true, value: null };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect([...exposed.keys()]).toEqual(['vcheck']);
    const bridge = exposed.get('vcheck');
    await expect(bridge?.call(CALL_NAMES[0] ?? '', {})).resolves.toEqual({ ok: true, value: null });
    await expect(bridge?.call('fs.readFile', {})).resolves.toMatchObject({ ok: false });
    expect(invoked).toEqual([IPC_CALL_PREFIX + CALL_NAMES[0]]);
  });
});
