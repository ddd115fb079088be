import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCTOR_COMPONENTS } from '../../../shared/doctor.js';
import type { JobSummary } from '../../../shared/jobs.js';
import type { RunPage } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';
import { runCli } from './cli-process.js';

describe('vcheck commands', () => {
  const tmp = tempDataDir('vcheck-cli-');
  let imageHashes: string[] = [];
  const cli = (...args: string[]) => runCli(['--data-dir', tmp.dir, ...args]);
  beforeAll(() => {
    imageHashes = seedStore(tmp.dir, { runs: 3, images: 4 }).imageHashes;
  });
  afterAll(() => tmp.cleanup());

  it('--help lists every command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['start', 'serve', 'runs', 'jobs', 'store', 'doctor']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(run.stdout).toContain('--data-dir <dir>');
  });

  it('runs list --json prints the runs of the data dir as JSON', async () => {
    const run = await cli('runs', 'list', '--json', '--limit', '2');
    expect(run.code).toBe(0);
    const page = JSON.parse(run.stdout) as RunPage;
    expect(page.total).toBe(3);
    expect(page.runs).toHaveLength(2);
  });

  it('runs list prints a table, and reads VCHECK_DATA_DIR when there is no flag', async () => {
    const run = await runCli(['runs', 'list'], { VCHECK_DATA_DIR: tmp.dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KIND\s+STATUS\s+SAMPLES/);
    expect(lines.filter((line) => line.includes('seeded run'))).toHaveLength(3);
  });

  it('doctor --json names every component with available and hint', async () => {
    const run = await cli('doctor', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, { available: unknown; hint: unknown }>;
    expect(Object.keys(report).sort()).toEqual([...DOCTOR_COMPONENTS].sort());
    for (const check of Object.values(report)) {
      expect(typeof check.available).toBe('boolean');
      expect(typeof check.hint).toBe('string');
    }
  });

  it('store verify --json completes and reports every image', async () => {
    const run = await cli('store', 'verify', '--json');
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout) as JobSummary;
    expect(job).toMatchObject({ kind: 'store.verify', status: 'succeeded', result: { checked: 4, ok: 4 } });
    expect(run.stderr).toMatch(/^verify: /m);
    const listed = JSON.parse((await cli('jobs', 'list', '--json')).stdout) as JobSummary[];
    expect(listed.map((j) => j.id)).toContain(job.id);
  });

  it('store verify exits 1 and names a corrupt image', async () => {
    const victim = imageHashes[2] ?? '';
    writeFileSync(path.join(tmp.dir, 'images', victim.slice(0, 2), `${victim}.png`), 'not a png');
    const run = await cli('store', 'verify');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 corrupt/);
    expect(run.stdout).toContain(victim);
  });

  it('fails with one line on stderr and a non-zero code', async () => {
    const runs = await Promise.all([
      cli('jobs', 'resume', 'no-such-job'),
      cli('runs', 'list', '--limit', 'many'),
      cli('no-such-command'),
    ]);
    for (const run of runs) {
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await cli('jobs', 'cancel', 'no-such-job')).stderr).toBe(
      'vcheck: not_found: No job no-such-job.\n',
    );
  });
});
