/** Runs the real `vcheck` CLI as a child process (`node --import tsx main/cli/bin.ts ...`). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** What a finished CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI entry point, from the repository root (vitest's cwd). */
export const CLI_ARGS = ['--import', 'tsx', 'main/cli/bin.ts'];

/** Starts the CLI; `env` is added to this process's environment. */
export function spawnCli(
  args: ReadonlyArray<string>,
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...CLI_ARGS, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI to the end. */
export function runCli(args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawnCli(args, env);
  child.stdin.end();
  return finished(child);
}

/** Resolves with the first line a stream prints (rejects if it closes first). */
export function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end === -1) return;
      stream.off('data', onData);
      resolve(text.slice(0, end));
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`stream ended before a full line: ${JSON.stringify(text)}`)));
  });
}
