/** The Datasets page: every dataset version, one version's counts and concepts, and a quick builder. */
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader.js';
import { RemoteView } from '../../components/RemoteView.js';
import { useCall } from '../../state/use-call.js';
import { useRefetchOn } from '../../state/use-refetch.js';
import { DatasetDetail } from './DatasetDetail.js';
import { DatasetsTable } from './DatasetsTable.js';
import { NewDatasetForm } from './NewDatasetForm.js';
import './datasets.css';

/** The Datasets page. */
export function DatasetsPage() {
  const { data, reload } = useCall('datasets.list', {});
  useRefetchOn(reload, { tables: ['datasets'], onJobStatus: true });
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title="Datasets"
        subtitle="Concept dataset versions: seeded, content-hashed, immutable once a run uses them."
      />
      <NewDatasetForm />
      <RemoteView data={data} what="datasets" reload={reload}>
        {(datasets) =>
          datasets.length === 0 ? (
            <div className="empty-state" data-testid="datasets-empty">
              <h2>No datasets yet</h2>
              <p>Build one above, or import files with `vcheck datasets import`.</p>
            </div>
          ) : (
            <DatasetsTable datasets={datasets} selected={selected} onSelect={setSelected} />
          )
        }
      </RemoteView>
      {selected && <DatasetDetail id={selected} />}
    </section>
  );
}
