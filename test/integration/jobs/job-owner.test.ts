import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { HEARTBEAT_STALE_MS, currentOwner, ownerGone } from '../../../main/jobs/job-owner.js';
import { JobRegistry } from '../../../main/jobs/registry.js';
import { openStore, type Store } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('recovering jobs only from owners that are gone', () => {
  const tmp = tempDataDir();
  let store: Store | undefined;
  afterEach(() => {
    store?.close();
    tmp.cleanup();
  });

  it('leaves a live process’s running job alone and recovers the dead ones', () => {
    store = openStore({ dataDir: tmp.dir });
    const fresh = new Date().toISOString();
    const stale = new Date(Date.now() - HEARTBEAT_STALE_MS - 1000).toISOString();
    const rows: Array<[string, string | null, string | null]> = [
      ['live-here', currentOwner(), fresh],
      ['dead-pid', `${os.hostname()}:${deadPid()}`, fresh],
      ['live-but-silent', currentOwner(), stale],
      ['other-host-fresh', 'some-other-host:1234', fresh],
      ['other-host-stale', 'some-other-host:1234', stale],
      ['no-owner', null, null],
    ];
    for (const [id, owner, heartbeat] of rows) {
      store.jobs.insert(id, 'store.verify', { repair: false });
      store.db
        .prepare("UPDATE jobs SET status = 'running', owner = ?, heartbeat_at = ? WHERE id = ?")
        .run(owner, heartbeat, id);
    }
    const recovered = new JobRegistry(store.jobs).recoverInterrupted().sort();
    expect(recovered).toEqual(['dead-pid', 'live-but-silent', 'no-owner', 'other-host-stale']);
    expect(store.jobs.get('live-here')?.status).toBe('running');
    expect(store.jobs.get('other-host-fresh')?.status).toBe('running');
  });

  it('decides from the pid on this host and from the heartbeat elsewhere', () => {
    const now = Date.now();
    const fresh = new Date(now).toISOString();
    expect(ownerGone(currentOwner(), fresh, now)).toBe(false);
    expect(ownerGone(`${os.hostname()}:${deadPid()}`, fresh, now)).toBe(true);
    expect(ownerGone('elsewhere:1', new Date(now - HEARTBEAT_STALE_MS + 5000).toISOString(), now)).toBe(
      false,
    );
    expect(ownerGone('elsewhere:1', new Date(now - HEARTBEAT_STALE_MS - 5000).toISOString(), now)).toBe(true);
  });
});
