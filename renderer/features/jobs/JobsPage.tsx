/** The Jobs page: every recent job with live progress. */
import { PageHeader } from '../../components/PageHeader.js';
import { JobsList } from './JobsList.js';
import { VerifyStoreButton } from './VerifyStoreButton.js';

/** Lists jobs and offers the one job that needs no set-up: a store integrity check. */
export function JobsPage() {
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title="Jobs"
        subtitle="Long work runs as jobs: cancel them, or resume the ones a crash interrupted."
        actions={<VerifyStoreButton />}
      />
      <JobsList />
    </section>
  );
}
