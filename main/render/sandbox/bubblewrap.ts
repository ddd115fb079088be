/**
 * Bubblewrap: whether it works on this machine (probed once with `bwrap … true`), and the argv that
 * builds the sandbox: every namespace unshared (no network), a clean environment, read-only system
 * directories, a tmpfs /tmp and one writable scratch directory.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dropPrivilegesPrefix } from './identity.js';

/** Where bubblewrap lives on Debian/Ubuntu/Fedora. */
export const BWRAP_PATH = '/usr/bin/bwrap';
/** Inside the sandbox, the scratch directory is always here. */
export const SANDBOX_SCRATCH = '/work';

/** Read-only binds of the system: programs, libraries, fonts, the dynamic loader cache. */
const SYSTEM_BINDS = ['/usr', '/etc/fonts', '/etc/alternatives', '/etc/ld.so.cache', '/etc/matplotlibrc'];
/** Merged-/usr symlinks (Debian 12+); on older layouts the directory itself is bound. */
const USR_LINKS = ['/bin', '/sbin', '/lib', '/lib64'];

/** Whether bubblewrap works here, and why not. */
export interface BubblewrapProbe {
  readonly ok: boolean;
  readonly reason: string;
}

let probed: Promise<BubblewrapProbe> | undefined;

/** The bubblewrap argv (without the command) for a scratch dir and extra read-only binds. */
export function bubblewrapArgs(
  scratchHost: string,
  extraBinds: ReadonlyArray<{ readonly host: string; readonly inside: string }>,
  env: Readonly<Record<string, string>>,
): ReadonlyArray<string> {
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv'];
  for (const dir of SYSTEM_BINDS) if (existsSync(dir)) args.push('--ro-bind', dir, dir);
  for (const link of USR_LINKS) args.push(...usrLinkArgs(link));
  for (const bind of extraBinds) args.push('--ro-bind', bind.host, bind.inside);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--bind', scratchHost, SANDBOX_SCRATCH, '--chdir', SANDBOX_SCRATCH);
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value);
  return args;
}

function usrLinkArgs(link: string): ReadonlyArray<string> {
  if (!existsSync(link)) return [];
  const target = `/usr${link}`;
  // On a merged-/usr system the top-level entry is a symlink into /usr, which is already bound.
  if (existsSync(target)) return ['--symlink', `usr${link}`, link];
  return ['--ro-bind', link, link];
}

/** Probes (once per process) whether `bwrap` can build the sandbox here, as the sandbox user. */
export function probeBubblewrap(): Promise<BubblewrapProbe> {
  probed ??= runProbe();
  return probed;
}

function runProbe(): Promise<BubblewrapProbe> {
  if (process.platform !== 'linux') return Promise.resolve({ ok: false, reason: 'bubblewrap is Linux only' });
  if (!existsSync(BWRAP_PATH)) return Promise.resolve({ ok: false, reason: `${BWRAP_PATH} not found` });
  const argv = [...dropPrivilegesPrefix(), BWRAP_PATH, ...bubblewrapArgs('/tmp', [], {}), '/usr/bin/true'];
  return new Promise((resolve) => {
    execFile(argv[0]!, argv.slice(1), { timeout: 5_000, killSignal: 'SIGKILL' }, (error, _out, stderr) => {
      if (!error) return resolve({ ok: true, reason: 'bwrap sandbox works (namespaces, unprivileged uid)' });
      const said = String(stderr).trim().split('\n')[0] || error.message;
      resolve({ ok: false, reason: `bwrap cannot build a sandbox here: ${said}` });
    });
  });
}
