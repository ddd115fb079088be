/**
 * Builds the full argv of a sandboxed run: `timeout -s KILL` outermost, then the privilege drop
 * (root only), then bubblewrap, then `prlimit` and the program. prlimit runs *inside* bubblewrap on
 * purpose: RLIMIT_NPROC then counts only the processes of the sandbox's own user namespace, so one
 * render's fork bomb cannot starve the renders running beside it as the same uid.
 */
import { bubblewrapArgs, BWRAP_PATH, SANDBOX_SCRATCH } from './bubblewrap.js';
import { dropPrivilegesPrefix } from './identity.js';
import type { OsSandboxKind, SandboxLimits, SandboxSpec, SandboxView } from './types.js';

/** A ready-to-spawn command. */
export interface SandboxCommand {
  readonly file: string;
  readonly args: ReadonlyArray<string>;
  /** Environment of the spawned wrapper (bubblewrap clears it again inside). */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly view: SandboxView;
}

/** PATH inside the sandbox: system programs only. */
export const SANDBOX_PATH = '/usr/bin:/bin';

/** The `prlimit` argv prefix for `limits`. */
export function prlimitArgs(limits: SandboxLimits): ReadonlyArray<string> {
  return [
    '/usr/bin/prlimit',
    `--as=${limits.memoryMb * 1024 * 1024}`,
    `--cpu=${Number.isFinite(limits.cpuSeconds) ? limits.cpuSeconds : 'unlimited'}`,
    `--fsize=${limits.fileBytes}`,
    `--nproc=${limits.processes}`,
    `--nofile=${limits.openFiles}`,
    '--',
  ];
}

/** The command that runs `spec` in `kind` mode with `scratchHost` as its only writable directory. */
export function buildSandboxCommand(
  spec: SandboxSpec,
  kind: OsSandboxKind,
  scratchHost: string,
): SandboxCommand {
  const env = { PATH: SANDBOX_PATH, HOME: '', ...spec.env };
  const binds = Object.entries(spec.binds ?? {});
  const view: SandboxView =
    kind === 'bubblewrap'
      ? { scratch: SANDBOX_SCRATCH, binds: Object.fromEntries(binds.map(([key, b]) => [key, b.inside])) }
      : { scratch: scratchHost, binds: Object.fromEntries(binds.map(([key, b]) => [key, b.host])) };
  const program = [...prlimitArgs(spec.limits), ...spec.argv(view)];
  // A long-lived worker (wallMs = Infinity) has no outer timeout: its jobs carry their own deadlines.
  const deadline = Number.isFinite(spec.limits.wallMs)
    ? ['/usr/bin/timeout', '-s', 'KILL', (spec.limits.wallMs / 1000).toFixed(3)]
    : [];
  const isolation =
    kind === 'bubblewrap'
      ? [
          BWRAP_PATH,
          ...bubblewrapArgs(
            scratchHost,
            binds.map(([, b]) => b),
            { ...env, HOME: view.scratch },
          ),
          ...program,
        ]
      : program;
  const [file, ...args] = [...deadline, ...dropPrivilegesPrefix(), ...isolation];
  return { file: file!, args, env: { ...env, HOME: view.scratch }, cwd: scratchHost, view };
}
