/** Small, bounded probes for the doctor: run a program or a promise, never wait past a deadline. */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { DoctorCheck } from '../../shared/doctor.js';

/** What running a program said. */
export type ProbeOutcome =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | { readonly ok: false; readonly reason: string };

/** Default deadline of one check: the doctor must answer fast even when a tool hangs. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Runs `file args` without a shell; fails on a non-zero exit, a missing program or the deadline. */
export function runProgram(
  file: string,
  args: ReadonlyArray<string>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout: String(stdout), stderr: String(stderr) });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return resolve({ ok: false, reason: `${file} not found` });
        if (error.killed) return resolve({ ok: false, reason: `${file} timed out after ${timeoutMs} ms` });
        const said = firstLine(String(stderr)) || error.message;
        resolve({ ok: false, reason: `${path.basename(file)} failed: ${said}` });
      },
    );
  });
}

/** Resolves with `work`, or rejects once `timeoutMs` passes (the work itself is left to finish). */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The first non-empty line of a program's output, trimmed. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

/** The first executable among `candidates` (absolute paths or names looked up on PATH), or null. */
export async function findExecutable(
  candidates: ReadonlyArray<string>,
  envPath = process.env.PATH ?? '',
): Promise<string | null> {
  const suffix = process.platform === 'win32' ? '.exe' : '';
  for (const candidate of candidates) {
    const places = path.isAbsolute(candidate)
      ? [candidate]
      : envPath
          .split(path.delimiter)
          .filter((dir) => dir.length > 0)
          .map((dir) => path.join(dir, candidate + suffix));
    for (const place of places) {
      if (await isExecutable(place)) return place;
    }
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A check that found what it looked for. */
export function found(detail: string): DoctorCheck {
  return { available: true, detail, hint: '' };
}

/** A check that did not; `hint` says in one line how to get it. */
export function missing(detail: string, hint: string): DoctorCheck {
  return { available: false, detail, hint };
}
