/** One dataset version: provenance, counts per category and attribute as bars, the first concepts. */
import type { DatasetPreview } from '../../../shared/datasets.js';
import { RemoteView } from '../../components/RemoteView.js';
import { useCall } from '../../state/use-call.js';
import { CountBars } from './CountBars.js';

/** How many concepts the preview lists. */
const PREVIEW_SIZE = 50;

/** Detail of the version `id`. */
export function DatasetDetail({ id }: Readonly<{ id: string }>) {
  const { data, reload } = useCall('datasets.preview', { id, limit: PREVIEW_SIZE });
  return (
    <section className="card dataset-detail" aria-label="Dataset detail" data-testid="dataset-detail">
      <RemoteView data={data} what="the dataset" reload={reload}>
        {(preview) => <DetailBody preview={preview} />}
      </RemoteView>
    </section>
  );
}

function DetailBody({ preview }: Readonly<{ preview: DatasetPreview }>) {
  const { dataset, items } = preview;
  return (
    <>
      <h2>
        {dataset.name} v{dataset.version}
      </h2>
      <p className="muted">
        {dataset.count.toLocaleString('en')} concepts · {dataset.source} · <code>{dataset.contentHash}</code>
      </p>
      <div className="bars-grid">
        <CountBars title="Categories" counts={dataset.stats.categories} />
        {Object.entries(dataset.stats.attributes).map(([name, counts]) => (
          <CountBars key={name} title={name} counts={counts} />
        ))}
      </div>
      <h3>First {items.length} concepts</h3>
      <table className="data-table" data-testid="concepts-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Concept</th>
            <th scope="col">Category</th>
            <th scope="col">Attributes</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.index}>
              <td className="num">{c.index}</td>
              <th scope="row">{c.text}</th>
              <td>{c.category}</td>
              <td className="muted">
                {Object.entries(c.attributes)
                  .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(';') : String(v)}`)
                  .join(' ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
