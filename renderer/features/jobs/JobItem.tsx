/** One job in the jobs panel. */
import type { JobSummary } from '../../../shared/jobs.js';
import { formatDateTime } from '../../components/format.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { JobActions } from './JobActions.js';
import { JobProgress } from './JobProgress.js';
import { isActive, jobTitle, resultSummary } from './job-text.js';

/** Props of {@link JobItem}. */
export interface JobItemProps {
  readonly job: JobSummary;
  readonly lastLog?: string;
}

/** Title, status, progress while it runs, and the result or error once it is done. */
export function JobItem({ job, lastLog }: Readonly<JobItemProps>) {
  const title = jobTitle(job.kind);
  return (
    <li className="job-item" data-testid="job-item" data-job-id={job.id} data-status={job.status}>
      <div className="job-head">
        <strong>{title}</strong>
        <StatusBadge status={job.status} />
      </div>
      <p className="muted job-meta">
        {job.startedAt ? 'started' : 'queued'} {formatDateTime(job.startedAt ?? job.createdAt)}
        {job.attempt > 1 && ` · attempt ${job.attempt}`}
      </p>
      {(isActive(job.status) || job.progress) && <JobProgress title={title} progress={job.progress} />}
      {job.result && <p className="job-result">{resultSummary(job.result)}</p>}
      {job.error && (
        <p className="inline-error" role="alert">
          {job.error}
        </p>
      )}
      {lastLog && isActive(job.status) && <p className="job-log muted">{lastLog}</p>}
      <JobActions job={job} />
    </li>
  );
}
