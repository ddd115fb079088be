/**
 * Runs one command in a fresh sandbox: scratch directory created, inputs written by `prepare`,
 * the command run under bubblewrap (or rlimits only) with a hard kill timer, outputs read by
 * `collect`, scratch deleted. Never throws for what the program did; only for a broken setup.
 */
import { spawn } from 'node:child_process';
import { probeBubblewrap } from './bubblewrap.js';
import { buildSandboxCommand, type SandboxCommand } from './command.js';
import { CappedOutput } from './output.js';
import { createScratch, removeScratch } from './scratch.js';
import type { OsSandboxKind, SandboxResult, SandboxSpec, SandboxView } from './types.js';

/** Grace after the wall limit before our own timer kills the whole process group. */
const KILL_GRACE_MS = 750;

/** Hooks around a run: write inputs into the scratch dir, read outputs back before it is deleted. */
export interface SandboxHooks<T> {
  readonly prepare?: (scratchHost: string, view: SandboxView) => Promise<void>;
  readonly collect: (scratchHost: string, result: SandboxResult) => Promise<T>;
}

/** Which mode `spec` runs in: its forced mode, else bubblewrap where it works here. */
export async function chooseSandbox(spec: Pick<SandboxSpec, 'mode'>): Promise<OsSandboxKind> {
  if (spec.mode) return spec.mode;
  return (await probeBubblewrap()).ok ? 'bubblewrap' : 'rlimits';
}

/** Runs `spec` once in a fresh scratch directory and returns what `collect` made of it. */
export async function runSandboxed<T>(spec: SandboxSpec, hooks: SandboxHooks<T>): Promise<T> {
  const kind = await chooseSandbox(spec);
  const scratch = await createScratch();
  try {
    const command = buildSandboxCommand(spec, kind, scratch);
    await hooks.prepare?.(scratch, command.view);
    const result = await execute(command, spec, kind);
    return await hooks.collect(scratch, result);
  } finally {
    await removeScratch(scratch);
  }
}

function execute(command: SandboxCommand, spec: SandboxSpec, kind: OsSandboxKind): Promise<SandboxResult> {
  const started = performance.now();
  const child = spawn(command.file, [...command.args], {
    cwd: command.cwd,
    env: { ...command.env },
    detached: true, // own process group: our timer kills the whole tree
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout = new CappedOutput(spec.limits.outputBytes);
  const stderr = new CappedOutput(spec.limits.outputBytes);
  let killedByTimer = false;
  let outputExceeded = false;
  const killTree = (): void => {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  };
  const onData = (into: CappedOutput) => (chunk: Buffer) => {
    into.push(chunk);
    if (!outputExceeded && stdout.total + stderr.total > spec.limits.outputBytes * 4) {
      outputExceeded = true;
      safely(killTree);
    }
  };
  child.stdout.on('data', onData(stdout));
  child.stderr.on('data', onData(stderr));
  child.stdin.on('error', () => undefined);
  child.stdin.end(spec.stdin ?? '');
  const timer = setTimeout(() => {
    killedByTimer = true;
    safely(killTree);
  }, spec.limits.wallMs + KILL_GRACE_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const durationMs = performance.now() - started;
      const expired =
        (exitCode === 124 || exitCode === 137 || signal === 'SIGKILL') && durationMs >= spec.limits.wallMs;
      resolve({
        sandbox: kind,
        exitCode,
        signal,
        timedOut: !outputExceeded && (killedByTimer || expired),
        outputExceeded,
        stdout: stdout.text(),
        stderr: stderr.text(),
        durationMs,
      });
    });
  });
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // the process group is already gone
  }
}
