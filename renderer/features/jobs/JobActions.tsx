/** Cancel and Resume buttons of one job, with the failure of the last click shown inline. */
import { useState } from 'react';
import type { JobSummary } from '../../../shared/jobs.js';
import type { AppError } from '../../../shared/result.js';
import { useApi } from '../../api/api-context.js';
import { isActive, isResumable, jobTitle } from './job-text.js';

/** The actions a job's status allows. The job row itself updates from `jobs.event`. */
export function JobActions({ job }: Readonly<{ job: JobSummary }>) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const act = async (verb: 'jobs.cancel' | 'jobs.resume') => {
    setBusy(true);
    const result = await api.call(verb, { id: job.id });
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  const title = jobTitle(job.kind);
  return (
    <div className="job-actions">
      {isActive(job.status) && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Cancel ${title}`}
          onClick={() => void act('jobs.cancel')}
        >
          Cancel
        </button>
      )}
      {isResumable(job.status) && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Resume ${title}`}
          onClick={() => void act('jobs.resume')}
        >
          Resume
        </button>
      )}
      {error && (
        <span className="inline-error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
