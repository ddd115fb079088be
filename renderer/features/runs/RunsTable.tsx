/** The runs list as a table. */
import type { RunSummary } from '../../../shared/runs.js';
import { formatDateTime } from '../../components/format.js';
import { StatusBadge } from '../../components/StatusBadge.js';

/** One table row per run, newest first (the engine's order). */
export function RunsTable({ runs }: Readonly<{ runs: ReadonlyArray<RunSummary> }>) {
  return (
    <table className="data-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Samples
          </th>
          <th scope="col" className="num">
            Renders ok / total
          </th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
            <th scope="row">{run.name}</th>
            <td>{run.kind}</td>
            <td>
              <StatusBadge status={run.status} />
            </td>
            <td className="num">{run.counts.samples}</td>
            <td className="num">
              {run.counts.rendersOk} / {run.counts.renders}
            </td>
            <td>
              <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
