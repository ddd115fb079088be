/**
 * Which process runs a run. A run's job lives in the engine of the `vcheck` process that started or
 * resumed it (a terminal, or a `--detach` background process), and another process cannot reach
 * that engine: opening a second engine would even take the run for a dead one. So the following
 * process leaves its pid in `<data dir>/running/<run>.pid`, and `vcheck runs pause|cancel` asks it
 * by signal (SIGUSR2 pauses, SIGINT cancels), waits for it to stop, and only then opens the engine.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function pidFile(dataDir: string, runId: string): string {
  return path.join(dataDir, 'running', `${runId.replace(/[^\w-]/g, '_')}.pid`);
}

/** True while a process with this pid exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface OwnerRecord {
  readonly pid: number;
  /** The CLI script, to tell our process from an unrelated one that reuses a dead owner's pid. */
  readonly script: string;
}

/** Records this process as the one running `runId`; returns the function that removes the record. */
export function claimRun(dataDir: string, runId: string): () => void {
  const file = pidFile(dataDir, runId);
  mkdirSync(path.dirname(file), { recursive: true });
  const record: OwnerRecord = { pid: process.pid, script: process.argv[1] ?? '' };
  writeFileSync(file, JSON.stringify(record));
  return () => {
    // Only our own record: a later process may have claimed the run since.
    if (ownerOf(dataDir, runId) === process.pid) rmSync(file, { force: true });
  };
}

function readRecord(file: string): OwnerRecord | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    return typeof value.pid === 'number' && typeof value.script === 'string'
      ? { pid: value.pid, script: value.script }
      : null;
  } catch {
    return null;
  }
}

/** Where /proc shows command lines (Linux), whether `pid` still runs the CLI script. */
function runsScript(record: OwnerRecord): boolean {
  try {
    return readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').includes(record.script);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync('/proc/self');
  }
}

/** The pid of the live process running `runId`, or null (a stale record is removed). */
export function ownerOf(dataDir: string, runId: string): number | null {
  const file = pidFile(dataDir, runId);
  if (!existsSync(file)) return null;
  const record = readRecord(file);
  if (record && record.pid > 0 && alive(record.pid) && runsScript(record)) return record.pid;
  rmSync(file, { force: true });
  return null;
}

/** Signals the owner of `runId` and waits (up to `timeoutMs`) until it has exited. */
export async function stopOwner(pid: number, signal: NodeJS.Signals, timeoutMs = 120_000): Promise<boolean> {
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
