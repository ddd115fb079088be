/**
 * Who a sandboxed program runs as. RLIMIT_NPROC is not enforced for root (the kernel exempts uid 0,
 * even when mapped to another uid inside a user namespace), so when the engine runs as root the
 * program is started through `setpriv` as an unprivileged uid before bubblewrap runs.
 */
import { chown } from 'node:fs/promises';

/** The unprivileged uid/gid used when the engine runs as root (`nobody`/`nogroup` on Debian). */
export const SANDBOX_UID = 65534;
/** Group of {@link SANDBOX_UID}. */
export const SANDBOX_GID = 65534;

/** Whether this process is root (and so must drop privileges before running untrusted code). */
export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The argv prefix that drops to the sandbox uid (empty when we are not root). */
export function dropPrivilegesPrefix(): ReadonlyArray<string> {
  if (!runningAsRoot()) return [];
  return [
    '/usr/bin/setpriv',
    `--reuid=${SANDBOX_UID}`,
    `--regid=${SANDBOX_GID}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--',
  ];
}

/** Makes `dir` writable by the sandbox user (a no-op when we are not root). */
export async function giveToSandboxUser(dir: string): Promise<void> {
  if (runningAsRoot()) await chown(dir, SANDBOX_UID, SANDBOX_GID);
}
