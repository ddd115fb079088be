/** The live jobs list: a `jobs.list` answer folded with `jobs.event` events. */
import { describe, expect, it } from 'vitest';
import { applyJobEvent, EMPTY_JOBS_VIEW, withJobList } from '../../../../renderer/state/jobs-reducer.js';
import type { JobProgress, JobSummary } from '../../../../shared/jobs.js';

function job(id: string, createdAt: string, status: JobSummary['status'] = 'running'): JobSummary {
  return {
    id,
    kind: 'store.verify',
    status,
    params: { repair: false },
    progress: null,
    result: null,
    error: null,
    attempt: 1,
    createdAt,
    startedAt: createdAt,
    finishedAt: null,
  };
}

const progress: JobProgress = {
  kind: 'store.verify',
  fraction: 0.5,
  done: 5,
  total: 10,
  corrupt: 0,
  missing: 0,
};

describe('jobs view', () => {
  it('orders a fetched list newest first', () => {
    const view = withJobList(EMPTY_JOBS_VIEW, [
      job('a', '2026-01-01T00:00:00Z'),
      job('b', '2026-01-02T00:00:00Z'),
    ]);
    expect(view.jobs.map((j) => j.id)).toEqual(['b', 'a']);
  });

  it('adds a new job from a status event and replaces a known one', () => {
    let view = withJobList(EMPTY_JOBS_VIEW, [job('a', '2026-01-01T00:00:00Z')]);
    view = applyJobEvent(view, { type: 'status', job: job('b', '2026-01-03T00:00:00Z', 'queued') }).view;
    view = applyJobEvent(view, { type: 'status', job: job('a', '2026-01-01T00:00:00Z', 'cancelled') }).view;
    expect(view.jobs.map((j) => [j.id, j.status])).toEqual([
      ['b', 'queued'],
      ['a', 'cancelled'],
    ]);
  });

  it('updates the progress of a known job', () => {
    const view = withJobList(EMPTY_JOBS_VIEW, [job('a', '2026-01-01T00:00:00Z')]);
    const next = applyJobEvent(view, { type: 'progress', jobId: 'a', progress });
    expect(next.needsReload).toBe(false);
    expect(next.view.jobs[0]?.progress).toEqual(progress);
  });

  it('asks for a reload when progress names a job it has never seen', () => {
    const next = applyJobEvent(EMPTY_JOBS_VIEW, { type: 'progress', jobId: 'ghost', progress });
    expect(next).toEqual({ view: EMPTY_JOBS_VIEW, needsReload: true });
  });

  it('keeps the last log line per job across a refetch', () => {
    let view = applyJobEvent(EMPTY_JOBS_VIEW, { type: 'log', jobId: 'a', line: 'checked 3 images' }).view;
    view = withJobList(view, [job('a', '2026-01-01T00:00:00Z')]);
    expect(view.lastLog).toEqual({ a: 'checked 3 images' });
  });
});
