import { describe, expect, it } from 'vitest';
import { buildSandboxCommand, prlimitArgs } from '../../../../main/render/sandbox/command.js';
import { runningAsRoot, SANDBOX_UID } from '../../../../main/render/sandbox/identity.js';
import type { SandboxSpec } from '../../../../main/render/sandbox/types.js';

const limits = {
  wallMs: 2500,
  memoryMb: 256,
  cpuSeconds: 3,
  fileBytes: 1024,
  processes: 8,
  openFiles: 32,
  outputBytes: 100,
};
const spec: SandboxSpec = {
  argv: (view) => ['/usr/bin/python3', `${view.binds.lib}/main.py`, view.scratch],
  env: { A: '1' },
  limits,
  binds: { lib: { host: '/srv/lib', inside: '/opt/lib' } },
};

describe('sandbox command', () => {
  it('puts every rlimit into prlimit', () => {
    expect(prlimitArgs(limits)).toEqual([
      '/usr/bin/prlimit',
      `--as=${256 * 1024 * 1024}`,
      '--cpu=3',
      '--fsize=1024',
      '--nproc=8',
      '--nofile=32',
      '--',
    ]);
    expect(prlimitArgs({ ...limits, cpuSeconds: Infinity })).toContain('--cpu=unlimited');
  });

  it('builds a bubblewrap command with no network, a clean env and one writable dir', () => {
    const command = buildSandboxCommand(spec, 'bubblewrap', '/tmp/scratch-x');
    const args = command.args.join(' ');
    expect(command.file).toBe('/usr/bin/timeout');
    expect(command.args.slice(0, 3)).toEqual(['-s', 'KILL', '2.500']);
    expect(args).toContain('--unshare-all --die-with-parent --new-session --clearenv');
    expect(args).toContain('--bind /tmp/scratch-x /work');
    expect(args).toContain('--ro-bind /srv/lib /opt/lib');
    expect(args).toContain('--setenv A 1');
    expect(args).not.toContain('--share-net');
    // prlimit runs inside bubblewrap, so RLIMIT_NPROC counts only the sandbox's own user namespace
    expect(command.args.indexOf('/usr/bin/bwrap')).toBeLessThan(command.args.indexOf('/usr/bin/prlimit'));
    expect(command.args.slice(-3)).toEqual(['/usr/bin/python3', '/opt/lib/main.py', '/work']);
    if (runningAsRoot()) expect(args).toContain(`--reuid=${SANDBOX_UID}`);
  });

  it('runs with host paths and rlimits only in the weaker mode', () => {
    const command = buildSandboxCommand(spec, 'rlimits', '/tmp/scratch-y');
    expect(command.args).not.toContain('/usr/bin/bwrap');
    expect(command.args.slice(-3)).toEqual(['/usr/bin/python3', '/srv/lib/main.py', '/tmp/scratch-y']);
    expect(command.cwd).toBe('/tmp/scratch-y');
    expect(command.env).toMatchObject({ A: '1', HOME: '/tmp/scratch-y' });
  });

  it('has no outer timeout for a long-lived worker', () => {
    const command = buildSandboxCommand(
      { ...spec, limits: { ...limits, wallMs: Infinity } },
      'rlimits',
      '/tmp/s',
    );
    expect(command.file).not.toBe('/usr/bin/timeout');
  });
});
