/** A quick builder: a seeded shapes draw or a built-in list, started as a `datasets.build` job. */
import { useState, type FormEvent } from 'react';
import type { DatasetBuildRequest } from '../../../shared/jobs.js';
import type { AppError } from '../../../shared/result.js';
import { useApi } from '../../api/api-context.js';

type Source = 'shapes' | 'shapes-split' | 'objects' | 'scenes';

function params(source: Source, seed: number, size: number | null): DatasetBuildRequest {
  switch (source) {
    case 'shapes':
      return { source: 'shapes', seed, ...(size ? { size } : {}) };
    case 'shapes-split':
      return { source: 'shapes', seed, split: 'test' };
    case 'objects':
    case 'scenes':
      return { source };
  }
}

/** The form; the build's progress shows in the jobs panel, the new version in the table. */
export function NewDatasetForm() {
  const api = useApi();
  const [source, setSource] = useState<Source>('shapes');
  const [seed, setSeed] = useState(0);
  const [size, setSize] = useState<number | null>(1000);
  const [error, setError] = useState<AppError | null>(null);
  const [started, setStarted] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.call('jobs.start', {
      kind: 'datasets.build',
      params: params(source, seed, size),
    });
    setError(result.ok ? null : result.error);
    setStarted(result.ok ? result.value.id : null);
  };
  const seeded = source === 'shapes' || source === 'shapes-split';

  return (
    <form className="card new-dataset" onSubmit={(e) => void submit(e)} aria-label="New dataset">
      <label>
        Source{' '}
        <select
          value={source}
          onChange={(e) => setSource(e.target.value as Source)}
          data-testid="dataset-source"
        >
          <option value="shapes">Shapes (seeded draw)</option>
          <option value="shapes-split">Shapes: stratified test split</option>
          <option value="objects">Objects (built-in 1,000)</option>
          <option value="scenes">Scenes (built-in 1,000)</option>
        </select>
      </label>
      {seeded && (
        <label>
          Seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
      )}
      {source === 'shapes' && (
        <label>
          Size{' '}
          <input
            type="number"
            min={1}
            placeholder="all"
            value={size ?? ''}
            onChange={(e) => setSize(e.target.value === '' ? null : Number(e.target.value))}
          />
        </label>
      )}
      <button type="submit" className="primary" data-testid="build-dataset">
        Build dataset
      </button>
      <span role="status" className="muted">
        {started && `Started job ${started.slice(0, 8)}.`}
      </span>
      {error && (
        <span className="inline-error" role="alert">
          {error.message}
        </span>
      )}
    </form>
  );
}
