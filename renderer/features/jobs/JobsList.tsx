/** The live jobs list, shared by the jobs drawer and the Jobs page. */
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useJobs } from '../../state/jobs-context.js';
import { JobItem } from './JobItem.js';

/** Every job the engine reports, newest first; `limit` shortens the list (the drawer shows a few). */
export function JobsList({ limit }: Readonly<{ limit?: number }>) {
  const { jobs, lastLog, loaded, error, reload } = useJobs();
  if (error) return <ErrorNotice action="Loading jobs" error={error} onRetry={reload} />;
  if (!loaded) return <Loading what="jobs" />;
  if (jobs.length === 0) {
    return (
      <p className="muted" data-testid="jobs-empty">
        No jobs yet. Long work (runs, metrics, training, store checks) shows its progress here.
      </p>
    );
  }
  const shown = limit === undefined ? jobs : jobs.slice(0, limit);
  return (
    <ul className="job-list" aria-label="Jobs">
      {shown.map((job) => (
        <JobItem key={job.id} job={job} lastLog={lastLog[job.id]} />
      ))}
    </ul>
  );
}
