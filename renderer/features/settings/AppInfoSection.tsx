/** Facts about the running engine: version, data directory, schema. */
import { RemoteView } from '../../components/RemoteView.js';
import { useCall } from '../../state/use-call.js';

/** The `app.info` answer as a definition list. */
export function AppInfoSection() {
  const { data, reload } = useCall('app.info', {});
  return (
    <section className="card" aria-labelledby="app-info-title">
      <h2 id="app-info-title">Application</h2>
      <RemoteView data={data} what="application info" reload={reload}>
        {(info) => (
          <dl className="facts" data-testid="app-info">
            <dt>Name</dt>
            <dd>{info.name}</dd>
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Data directory</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
            <dt>Schema version</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        )}
      </RemoteView>
    </section>
  );
}
