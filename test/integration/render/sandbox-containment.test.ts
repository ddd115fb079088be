/**
 * The OS sandbox itself, without any Python harness: raw hostile programs run through
 * runSandboxed in bubblewrap mode and in the weaker rlimits mode, and must be contained.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeBubblewrap } from '../../../main/render/sandbox/bubblewrap.js';
import { runningAsRoot } from '../../../main/render/sandbox/identity.js';
import { runSandboxed } from '../../../main/render/sandbox/run.js';
import type { OsSandboxKind, SandboxResult } from '../../../main/render/sandbox/types.js';

const limits = {
  wallMs: 1500,
  memoryMb: 256,
  cpuSeconds: 3,
  fileBytes: 1 << 20,
  processes: 16,
  openFiles: 64,
  outputBytes: 4096,
};
const bwrap = await probeBubblewrap();
const SECRET = `vcheck-secret-${process.pid}-${Date.now()}`;
let outside: string;
let connections = 0;
let server: Server;
let port = 0;

function python(code: string, mode: OsSandboxKind): Promise<SandboxResult & { files: string[] }> {
  return runSandboxed(
    { argv: () => ['/usr/bin/python3', '-c', code], env: {}, limits, mode },
    { collect: async (dir, result) => ({ ...result, files: readdirSync(dir) }) },
  );
}

beforeAll(async () => {
  outside = mkdtempSync(path.join(os.tmpdir(), 'vcheck-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  chmodSync(path.join(outside, 'secret.txt'), 0o600);
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.close();
  rmSync(outside, { recursive: true, force: true });
});

const modes: ReadonlyArray<[OsSandboxKind, boolean, string]> = [
  ['bubblewrap', bwrap.ok, bwrap.ok ? '' : `(skipped: ${bwrap.reason})`],
  ['rlimits', true, ''],
];

describe.each(modes)('OS sandbox in %s mode', (mode, usable, why) => {
  it.skipIf(!usable)(`kills an infinite loop at the wall limit ${why}`, async () => {
    const result = await python('while True: pass', mode);
    expect(result.timedOut).toBe(true);
    expect(result.sandbox).toBe(mode);
    expect(result.durationMs).toBeLessThan(limits.wallMs + 2000);
  });

  it.skipIf(!usable)('stops a memory bomb at the address-space limit', async () => {
    const result = await python('x = bytearray(1 << 31)', mode);
    expect(result.stderr).toContain('MemoryError');
  });

  it.skipIf(!usable || (!runningAsRoot() && mode === 'rlimits'))(
    'stops a fork bomb with RLIMIT_NPROC',
    async () => {
      const result = await python(
        'import os\nn = 0\ntry:\n  while True:\n    if os.fork() == 0:\n      import time; time.sleep(2); os._exit(0)\n    n += 1\nexcept OSError:\n  print("stopped", n)',
        mode,
      );
      const stopped = Number(result.stdout.match(/stopped (\d+)/)?.[1] ?? NaN);
      expect(stopped).toBeLessThan(limits.processes);
    },
  );

  it.skipIf(!usable)('kills a program that floods its output', async () => {
    const result = await python('while True: print("x" * 10000)', mode);
    expect(result.outputExceeded).toBe(true);
    expect(result.stdout.length).toBeLessThan(limits.outputBytes + 200);
  });

  it.skipIf(!usable || (mode === 'rlimits' && !runningAsRoot()))(
    'cannot read the planted secret',
    async () => {
      const result = await python(
        `print(open(${JSON.stringify(path.join(outside, 'secret.txt'))}).read())`,
        mode,
      );
      expect(result.stdout + result.stderr).not.toContain(SECRET);
      expect(result.exitCode).not.toBe(0);
    },
  );

  it.skipIf(!usable || (mode === 'rlimits' && !runningAsRoot()))(
    'cannot write outside its scratch dir',
    async () => {
      const target = path.join(outside, 'planted.txt');
      const result = await python(`open(${JSON.stringify(target)}, "w").write("x")`, mode);
      expect(result.exitCode).not.toBe(0);
      expect(readdirSync(outside)).toEqual(['secret.txt']);
      expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe(SECRET);
    },
  );

  it.skipIf(!usable)('writes inside its scratch dir, which is fresh per run', async () => {
    const first = await python('open("made.txt", "w").write("x")', mode);
    expect(first.files).toEqual(['made.txt']);
    const second = await python('pass', mode);
    expect(second.files).toEqual([]);
  });
});

describe('bubblewrap-only containment', () => {
  it.skipIf(!bwrap.ok)('has no network: a loopback listener sees no connection', async () => {
    const before = connections;
    const result = await python(
      `import socket\ns = socket.create_connection(("127.0.0.1", ${port}), timeout=1)\nprint("connected")`,
      'bubblewrap',
    );
    expect(result.stdout).not.toContain('connected');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connections).toBe(before);
  });

  it.skipIf(!bwrap.ok)('sees no host files: /etc/passwd, ~/.ssh and the home dir are absent', async () => {
    const result = await python(
      'import os\nprint([os.path.exists(p) for p in ("/etc/passwd", "/root/.ssh", "/home", "/var")])',
      'bubblewrap',
    );
    expect(result.stdout.trim()).toBe('[False, False, False, False]');
  });

  it.skipIf(!bwrap.ok)('runs as an unprivileged uid', async () => {
    const result = await python('import os; print(os.getuid())', 'bubblewrap');
    expect(Number(result.stdout.trim())).not.toBe(0);
  });
});
