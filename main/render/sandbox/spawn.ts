/**
 * Starts a long-lived sandboxed process (a warm worker) in its own scratch directory. The caller
 * talks to it over stdin/stdout and must call `stop()`, which kills the process group and deletes
 * the scratch directory.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { buildSandboxCommand } from './command.js';
import { chooseSandbox } from './run.js';
import { createScratch, removeScratch } from './scratch.js';
import type { OsSandboxKind, SandboxSpec, SandboxView } from './types.js';

/** A running sandboxed worker. */
export interface SandboxedProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly sandbox: OsSandboxKind;
  /** The scratch directory on the host. */
  readonly scratchHost: string;
  /** Paths as the worker sees them. */
  readonly view: SandboxView;
  /** Kills the worker (and everything it started) and deletes its scratch directory. */
  stop(): Promise<void>;
}

/** Spawns `spec` (usually with `wallMs: Infinity`) after `prepare` filled the fresh scratch dir. */
export async function spawnSandboxed(
  spec: SandboxSpec,
  prepare?: (scratchHost: string, view: SandboxView) => Promise<void>,
): Promise<SandboxedProcess> {
  const sandbox = await chooseSandbox(spec);
  const scratchHost = await createScratch();
  const command = buildSandboxCommand(spec, sandbox, scratchHost);
  try {
    await prepare?.(scratchHost, command.view);
  } catch (error) {
    await removeScratch(scratchHost);
    throw error;
  }
  const child = spawn(command.file, [...command.args], {
    cwd: command.cwd,
    env: { ...command.env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
    await removeScratch(scratchHost);
  };
  return { child, sandbox, scratchHost, view: command.view, stop };
}
