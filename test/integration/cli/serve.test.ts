import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { finished, firstLine, spawnCli } from './cli-process.js';

describe('vcheck serve', () => {
  const tmp = tempDataDir('vcheck-serve-');
  afterAll(() => tmp.cleanup());

  it('prints the URL with its token on line 1, answers with it, and stops cleanly on SIGINT', async () => {
    const child = spawnCli(['--data-dir', tmp.dir, 'serve', '--port', '0']);
    const done = finished(child);
    try {
      const url = new URL(await firstLine(child.stdout));
      expect(url.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const token = url.searchParams.get('token') ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const call = (authorization?: string) =>
        fetch(new URL('/api/runs.list', url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(authorization ? { Authorization: authorization } : {}),
          },
          body: '{}',
        });
      expect((await call()).status).toBe(401);
      const answer = await call(`Bearer ${token}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true, value: { runs: [], total: 0 } });
    } finally {
      child.kill('SIGINT');
    }
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('says in one line when the port is taken', async () => {
    const first = spawnCli(['--data-dir', tmp.dir, 'serve', '--port', '0']);
    const firstDone = finished(first);
    try {
      const port = new URL(await firstLine(first.stdout)).port;
      const second = await finished(spawnCli(['--data-dir', tmp.dir, 'serve', '--port', port]));
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/^vcheck: port \d+ is in use/);
      expect(second.stdout).toBe('');
    } finally {
      first.kill('SIGTERM');
    }
    expect((await firstDone).code).toBe(0);
  });
});
