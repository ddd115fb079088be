/** Pure updates of the live jobs list from `jobs.list` answers and `jobs.event` events. */
import type { JobEvent, JobSummary } from '../../shared/jobs.js';
import { assertNever } from '../../shared/result.js';

/** The jobs the UI knows, newest first, plus the last log line of each. */
export interface JobsView {
  readonly jobs: ReadonlyArray<JobSummary>;
  readonly lastLog: Readonly<Record<string, string>>;
}

/** The view before the first answer. */
export const EMPTY_JOBS_VIEW: JobsView = { jobs: [], lastLog: {} };

function newestFirst(a: JobSummary, b: JobSummary): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/** Replaces the list with a fresh `jobs.list` answer, keeping log lines of jobs still shown. */
export function withJobList(view: JobsView, jobs: ReadonlyArray<JobSummary>): JobsView {
  return { jobs: [...jobs].sort(newestFirst), lastLog: view.lastLog };
}

/**
 * Applies one event. Returns `needsReload: true` when the event names a job the view has never
 * seen (its progress cannot be shown without the job row).
 */
export function applyJobEvent(view: JobsView, event: JobEvent): { view: JobsView; needsReload: boolean } {
  switch (event.type) {
    case 'status': {
      const others = view.jobs.filter((job) => job.id !== event.job.id);
      return { view: { ...view, jobs: [event.job, ...others].sort(newestFirst) }, needsReload: false };
    }
    case 'progress': {
      if (!view.jobs.some((job) => job.id === event.jobId)) return { view, needsReload: true };
      const jobs = view.jobs.map((job) =>
        job.id === event.jobId ? { ...job, progress: event.progress } : job,
      );
      return { view: { ...view, jobs }, needsReload: false };
    }
    case 'log':
      return {
        view: { ...view, lastLog: { ...view.lastLog, [event.jobId]: event.line } },
        needsReload: false,
      };
    default:
      return assertNever(event, 'job event');
  }
}
