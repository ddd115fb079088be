/** The window frame: header, navigation, the current page inside an error boundary, the jobs drawer. */
import { useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { JobsDrawer } from '../features/jobs/JobsDrawer.js';
import { JobsToggle } from '../features/jobs/JobsToggle.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { NavBar } from './NavBar.js';
import { PageView } from './PageView.js';
import { PAGES } from './routes.js';
import { useHashPage } from './use-hash-page.js';

/** Lays out the shell around the page named by the location hash. */
export function AppFrame() {
  const page = useHashPage();
  const [jobsOpen, setJobsOpen] = useState(false);
  const label = PAGES.find((p) => p.id === page)?.label ?? page;
  return (
    <div className={jobsOpen ? 'frame frame-with-drawer' : 'frame'}>
      <header className="app-header">
        <a className="brand" href="#/runs">
          Vision Check-up <span className="muted">Workbench</span>
        </a>
        <div className="header-tools">
          <ConnectionIndicator />
          <JobsToggle open={jobsOpen} onToggle={() => setJobsOpen((open) => !open)} />
        </div>
      </header>
      <NavBar current={page} />
      <main className="page" id="main">
        {/* Keyed by page: moving to another page also clears a crashed one. */}
        <ErrorBoundary key={page} label={`the ${label} page`}>
          <PageView page={page} />
        </ErrorBoundary>
      </main>
      {jobsOpen && (
        <ErrorBoundary label="the jobs panel">
          <JobsDrawer onClose={() => setJobsOpen(false)} />
        </ErrorBoundary>
      )}
    </div>
  );
}
