/** Maps a page id to its component. */
import { assertNever } from '../../shared/result.js';
import { DatasetsPage } from '../features/datasets/DatasetsPage.js';
import { JobsPage } from '../features/jobs/JobsPage.js';
import { PlannedPage } from '../features/planned/PlannedPage.js';
import { RunsPage } from '../features/runs/RunsPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import type { PageId } from './routes.js';

/** The component of one page. */
export function PageView({ page }: Readonly<{ page: PageId }>) {
  switch (page) {
    case 'runs':
      return <RunsPage />;
    case 'datasets':
      return <DatasetsPage />;
    case 'jobs':
      return <JobsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'new-run':
    case 'gallery':
    case 'metrics':
    case 'compare':
    case 'training':
    case 'models':
      return <PlannedPage page={page} />;
    default:
      return assertNever(page, 'page');
  }
}
