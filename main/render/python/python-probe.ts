/** Where the system Python and the shipped harness are, and whether matplotlib can be imported. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { renderResource } from '../resources-dir.js';

/**
 * Debian's interpreter: the `python3` first on PATH may be a separate build that cannot see the
 * distribution's matplotlib/numpy.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The folder of `server.py`, `harness.py`, `turtle.py` (resources/render/python). */
export function pythonHarnessDir(): string {
  return path.join(renderResource('render'), 'python');
}

let probed:
  Promise<{ readonly ok: boolean; readonly reason?: string; readonly version?: string }> | undefined;

/** Whether {@link SYSTEM_PYTHON} imports matplotlib (probed once per process). */
export function probeMatplotlib(): Promise<{
  readonly ok: boolean;
  readonly reason?: string;
  readonly version?: string;
}> {
  probed ??= new Promise((resolve) => {
    execFile(
      SYSTEM_PYTHON,
      ['-c', 'import matplotlib, numpy, PIL; print(matplotlib.__version__)'],
      { timeout: 15_000, killSignal: 'SIGKILL' },
      (error, stdout) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          resolve({
            ok: false,
            reason: missing
              ? `${SYSTEM_PYTHON} not found (apt-get install -y python3)`
              : `${SYSTEM_PYTHON} cannot import matplotlib (apt-get install -y python3-matplotlib)`,
          });
          return;
        }
        resolve({ ok: true, version: String(stdout).trim() });
      },
    );
  });
  return probed;
}
