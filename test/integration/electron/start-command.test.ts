import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../fixtures/data-dir.js';

/**
 * `vcheck start` on a machine without a display (and here, without an Electron binary): one line
 * on stderr saying why, then web mode with its URL as the first line of stdout.
 */
describe.runIf(process.platform === 'linux')('vcheck start without a display', () => {
  const data = tempDataDir('vcheck-start-');
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    data.cleanup();
  });

  it('says why in one line and serves the UI in web mode', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, VCHECK_DATA_DIR: data.dir };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    child = spawn('node_modules/.bin/tsx', ['main/cli/bin.ts', 'start', '--port', '0'], { env });
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr.join('\n')}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(stderr[0]).toMatch(
      /^(No Electron binary|No display|Electron will not run as root).* — serving the UI in web mode instead$/,
    );
    expect(stderr.filter((line) => line.includes('serving the UI in web mode instead'))).toHaveLength(1);

    const { origin, searchParams } = new URL(url);
    const response = await fetch(`${origin}/api/runs.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
