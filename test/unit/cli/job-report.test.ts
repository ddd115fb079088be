import { describe, expect, it } from 'vitest';
import { describeJob, jobExitCode } from '../../../main/cli/job-report.js';
import { formatTable } from '../../../main/cli/output.js';
import type { JobSummary, StoreVerifyResult } from '../../../shared/jobs.js';

function verifyJob(
  result: Partial<StoreVerifyResult> | null,
  status: JobSummary['status'] = 'succeeded',
  repair = false,
): JobSummary {
  return {
    id: 'job-1',
    kind: 'store.verify',
    status,
    params: { repair },
    progress: null,
    result:
      result === null
        ? null
        : {
            kind: 'store.verify',
            checked: 2,
            ok: 2,
            corrupt: [],
            missing: [],
            unreferencedFiles: 0,
            bytes: 2048,
            ...result,
          },
    error: status === 'failed' ? 'disk full' : null,
    attempt: 1,
    createdAt: '2026-11-25T07:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
}

describe('how the CLI reports a finished job', () => {
  it('exits 0 only when the check succeeded and nothing is left to fix', () => {
    expect(jobExitCode(verifyJob({}))).toBe(0);
    expect(jobExitCode(verifyJob({ corrupt: [{ hash: 'h', reason: 'bad CRC' }] }))).toBe(1);
    expect(jobExitCode(verifyJob({ missing: ['h'] }))).toBe(1);
    expect(jobExitCode(verifyJob({ missing: ['h'] }, 'succeeded', true))).toBe(0);
    expect(jobExitCode(verifyJob(null, 'failed'))).toBe(1);
    expect(jobExitCode(verifyJob(null, 'cancelled'), true)).toBe(130);
  });

  it('summarises findings, one line per problem', () => {
    const lines = describeJob(
      verifyJob({ checked: 3, ok: 1, corrupt: [{ hash: 'abc', reason: 'bad CRC' }], missing: ['def'] }),
    );
    expect(lines[0]).toBe('Checked 3 images (2.0 kB): 1 ok, 1 corrupt, 1 missing, 0 files not in the index.');
    expect(lines.slice(1)).toEqual(['  corrupt  abc  bad CRC', '  missing  def']);
    expect(describeJob(verifyJob(null, 'failed'))).toEqual(['Job job-1 (store.verify) failed: disk full']);
  });

  it('aligns table columns', () => {
    expect(
      formatTable(
        ['ID', 'NAME'],
        [
          ['1', 'first'],
          ['22', 'second'],
        ],
      ),
    ).toBe('ID  NAME\n1   first\n22  second\n');
  });
});
