/** The header button that opens the jobs drawer and counts active jobs. */
import { useJobs } from '../../state/jobs-context.js';
import { isActive } from './job-text.js';

/** Props of {@link JobsToggle}. */
export interface JobsToggleProps {
  readonly open: boolean;
  readonly onToggle: () => void;
}

/** "Jobs" plus a badge with the number of queued or running jobs. */
export function JobsToggle({ open, onToggle }: Readonly<JobsToggleProps>) {
  const { jobs } = useJobs();
  const active = jobs.filter((job) => isActive(job.status)).length;
  return (
    <button
      type="button"
      className="jobs-toggle"
      aria-expanded={open}
      aria-controls="jobs-drawer"
      onClick={onToggle}
      data-testid="jobs-toggle"
    >
      Jobs
      {active > 0 && (
        <span className="count" aria-label={`${active} active`}>
          {active}
        </span>
      )}
    </button>
  );
}
