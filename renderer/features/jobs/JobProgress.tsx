/** A job's progress: bar, done/total, rate and time left. */
import type { JobProgress as Progress } from '../../../shared/jobs.js';
import { formatDuration, formatRate } from '../../components/format.js';
import { ProgressBar } from '../../components/ProgressBar.js';

/** Props of {@link JobProgress}. */
export interface JobProgressProps {
  readonly title: string;
  readonly progress: Progress | null;
}

/** Renders the bar and one line of numbers; before the first report the bar is indeterminate. */
export function JobProgress({ title, progress }: Readonly<JobProgressProps>) {
  const counts = progress ? `${progress.done} / ${progress.total ?? '?'}` : 'starting';
  return (
    <div className="job-progress">
      <ProgressBar fraction={progress?.fraction ?? null} label={`${title} progress`} valueText={counts} />
      <p className="job-numbers muted">
        <span data-testid="job-counts">{counts}</span>
        {progress?.rate !== undefined && <span>{formatRate(progress.rate)}</span>}
        {progress?.etaSeconds !== undefined && <span>about {formatDuration(progress.etaSeconds)} left</span>}
        {progress?.message && <span>{progress.message}</span>}
      </p>
    </div>
  );
}
