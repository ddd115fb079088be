import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../shared/jobs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';
import { finished, firstLine, runCli, spawnCli } from './cli-process.js';

const IMAGES = 5000;

describe('Ctrl-C during vcheck store verify', () => {
  const tmp = tempDataDir('vcheck-cancel-');
  beforeAll(() => {
    seedStore(tmp.dir, { images: IMAGES, imageSize: 48 });
  });
  afterAll(() => tmp.cleanup());

  it('cancels the job through the engine, and jobs resume finishes it', async () => {
    const child = spawnCli(['--data-dir', tmp.dir, 'store', 'verify', '--json']);
    const done = finished(child);
    // The first progress line means the job is running; Ctrl-C now must cancel it, not kill us.
    expect(await firstLine(child.stderr)).toMatch(/^verify: \d+% \d+\/5000/);
    child.kill('SIGINT');
    const cancelled = await done;
    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toContain('cancelling the job');
    const job = JSON.parse(cancelled.stdout) as JobSummary;
    expect(job.status).toBe('cancelled');
    expect(job.progress?.done ?? 0).toBeLessThan(IMAGES);

    const resumed = await runCli(['--data-dir', tmp.dir, 'jobs', 'resume', job.id, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      id: job.id,
      status: 'succeeded',
      attempt: 2,
      result: { checked: IMAGES, ok: IMAGES },
    });
  });
});
