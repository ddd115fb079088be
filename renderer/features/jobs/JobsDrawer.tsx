/** The jobs drawer on the right of the window, opened from the header. */
import { JobsList } from './JobsList.js';

/** Props of {@link JobsDrawer}. */
export interface JobsDrawerProps {
  readonly onClose: () => void;
}

/** The most recent jobs, live, with a link to the full Jobs page. */
export function JobsDrawer({ onClose }: Readonly<JobsDrawerProps>) {
  return (
    <aside id="jobs-drawer" className="jobs-drawer" aria-label="Jobs panel" data-testid="jobs-drawer">
      <div className="drawer-head">
        <h2>Jobs</h2>
        <button type="button" className="icon-button" aria-label="Close jobs panel" onClick={onClose}>
          ×
        </button>
      </div>
      <JobsList limit={10} />
      <p>
        <a href="#/jobs" onClick={onClose}>
          All jobs
        </a>
      </p>
    </aside>
  );
}
