/** Dataset versions as a table; a row click selects one. */
import type { DatasetSummary } from '../../../shared/datasets.js';
import { formatDateTime } from '../../components/format.js';

/** Props of {@link DatasetsTable}. */
export interface DatasetsTableProps {
  readonly datasets: ReadonlyArray<DatasetSummary>;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}

/** One row per version, newest first. */
export function DatasetsTable({ datasets, selected, onSelect }: Readonly<DatasetsTableProps>) {
  return (
    <table className="data-table" data-testid="datasets-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Concepts
          </th>
          <th scope="col">Seed</th>
          <th scope="col">Content hash</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id} data-testid="dataset-row" aria-selected={d.id === selected}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onSelect(d.id)}>
                {d.name} v{d.version}
              </button>
              {d.locked && <span className="muted"> · locked</span>}
            </th>
            <td>{d.kind}</td>
            <td className="num">{d.count.toLocaleString('en')}</td>
            <td>{d.seed ?? '–'}</td>
            <td>
              <code title={d.contentHash}>{d.contentHash.slice(0, 19)}…</code>
            </td>
            <td>
              <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
