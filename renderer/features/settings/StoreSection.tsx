/** What the store holds, and the integrity check of its images. */
import { formatBytes } from '../../components/format.js';
import { RemoteView } from '../../components/RemoteView.js';
import { useCall } from '../../state/use-call.js';
import { useRefetchOn } from '../../state/use-refetch.js';
import { VerifyStoreButton } from '../jobs/VerifyStoreButton.js';

/** Row counts from `store.stats` plus the "Verify image store" job button. */
export function StoreSection() {
  const { data, reload } = useCall('store.stats', {});
  useRefetchOn(reload, { tables: ['datasets', 'runs', 'samples', 'renders', 'metrics', 'jobs', 'images'] });
  return (
    <section className="card" aria-labelledby="store-title">
      <h2 id="store-title">Store</h2>
      <RemoteView data={data} what="store statistics" reload={reload}>
        {(stats) => (
          <dl className="facts" data-testid="store-stats">
            <dt>Runs</dt>
            <dd>{stats.runs}</dd>
            <dt>Samples</dt>
            <dd>{stats.samples}</dd>
            <dt>Renders</dt>
            <dd>{stats.renders}</dd>
            <dt>Images</dt>
            <dd>
              {stats.images} ({formatBytes(stats.imageBytes)})
            </dd>
            <dt>Jobs</dt>
            <dd>{stats.jobs}</dd>
          </dl>
        )}
      </RemoteView>
      <p className="muted">Re-hashes every stored image and reports corrupt or missing files.</p>
      <VerifyStoreButton />
    </section>
  );
}
