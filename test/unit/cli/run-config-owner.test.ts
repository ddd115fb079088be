import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimRun, ownerOf, stopOwner } from '../../../main/cli/commands/run-owner.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

/** A real child process that waits, and exits on SIGUSR2; resolves once it listens. */
async function waitingChild(): Promise<{ pid: number; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      "process.on('SIGUSR2', () => process.exit(7)); console.log('ready'); setInterval(() => {}, 1000);",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { pid: child.pid ?? 0, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe.skipIf(process.platform === 'win32')('the process that runs a run', () => {
  const tmp = tempDataDir('vcheck-run-owner-');
  afterAll(() => tmp.cleanup());
  const record = (runId: string, pid: number, script: string): string => {
    const file = path.join(tmp.dir, 'running', `${runId}.pid`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ pid, script }));
    return file;
  };

  it('is this process while it claims the run, and nobody once it releases it', () => {
    const release = claimRun(tmp.dir, 'run-a');
    expect(ownerOf(tmp.dir, 'run-a')).toBe(process.pid);
    release();
    expect(ownerOf(tmp.dir, 'run-a')).toBeNull();
  });

  it('forgets a record whose process is gone, or whose pid now runs something else', async () => {
    const child = await waitingChild();
    const other = record('run-b', child.pid, '/no/such/vcheck/bin.js');
    expect(ownerOf(tmp.dir, 'run-b')).toBeNull();
    expect(existsSync(other)).toBe(false);

    process.kill(child.pid, 'SIGKILL');
    await child.exited;
    const dead = record('run-c', child.pid, '');
    expect(ownerOf(tmp.dir, 'run-c')).toBeNull();
    expect(existsSync(dead)).toBe(false);
  });

  it('signals the owner and resolves once it has exited', async () => {
    const child = await waitingChild();
    record('run-d', child.pid, '-e');
    expect(ownerOf(tmp.dir, 'run-d')).toBe(child.pid);
    expect(await stopOwner(child.pid, 'SIGUSR2', 10_000)).toBe(true);
    expect(await child.exited).toBe(7);
  });
});
