/** The runs list: every run in the history, kept current from store and job events. */
import type { RunPage } from '../../../shared/runs.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCall, type CallState } from '../../state/use-call.js';
import { useRefetchOn } from '../../state/use-refetch.js';
import { RunsTable } from './RunsTable.js';

/** How many runs the first page shows. */
const PAGE_SIZE = 100;

/** The Runs page. */
export function RunsPage() {
  const { data, reload } = useCall('runs.list', { limit: PAGE_SIZE });
  useRefetchOn(reload, { tables: ['runs', 'samples', 'renders'], onJobStatus: true });

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title="Runs"
        subtitle="Every draw, recognise and correct run in this data directory, newest first."
        actions={
          <button type="button" onClick={reload}>
            Refresh
          </button>
        }
      />
      <RunsBody data={data} reload={reload} />
    </section>
  );
}

function RunsBody({ data, reload }: Readonly<CallState<RunPage>>) {
  switch (data.state) {
    case 'loading':
      return <Loading what="runs" />;
    case 'error':
      return <ErrorNotice action="Loading runs" error={data.error} onRetry={reload} />;
    case 'ok':
      if (data.value.runs.length === 0) {
        return (
          <div className="empty-state" data-testid="runs-empty">
            <h2>No runs yet</h2>
            <p>Runs you start appear here with their sample and render counts.</p>
          </div>
        );
      }
      return (
        <>
          <p className="muted" data-testid="runs-count">
            {data.value.total === data.value.runs.length
              ? `${data.value.total} run${data.value.total === 1 ? '' : 's'}`
              : `Showing ${data.value.runs.length} of ${data.value.total} runs`}
          </p>
          <RunsTable runs={data.value.runs} />
        </>
      );
  }
}
