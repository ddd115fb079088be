import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBubblewrap } from '../../../../main/doctor/checks-tools.js';
import { probeBubblewrap } from '../../../../main/render/sandbox/bubblewrap.js';

/** An independent probe: run bwrap directly, as `nobody` when we are root. */
function bwrapWorksDirectly(): boolean {
  if (!existsSync('/usr/bin/bwrap')) return false;
  const drop =
    process.getuid?.() === 0
      ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--']
      : [];
  const argv = [
    ...drop,
    '/usr/bin/bwrap',
    '--unshare-all',
    '--ro-bind',
    '/usr',
    '/usr',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
    '/usr/bin/true',
  ];
  return spawnSync(argv[0]!, argv.slice(1), { timeout: 5000 }).status === 0;
}

describe('bubblewrap probe', () => {
  it('agrees with running bwrap directly', async () => {
    expect((await probeBubblewrap()).ok).toBe(bwrapWorksDirectly());
  });

  it('is what the doctor reports', async () => {
    const check = await checkBubblewrap();
    const probe = await probeBubblewrap();
    expect(check.available).toBe(probe.ok);
    if (probe.ok) expect(check.detail).toMatch(/sandbox works/);
    else expect(check.hint).not.toBe('');
  });
});
