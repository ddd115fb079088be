/** Starts the `store.verify` job: re-hashes every stored image and reports corrupt or missing files. */
import { useState } from 'react';
import type { AppError } from '../../../shared/result.js';
import { useApi } from '../../api/api-context.js';

/** A button that starts a real store integrity check; its progress shows in the jobs panel. */
export function VerifyStoreButton() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const start = async () => {
    setBusy(true);
    const result = await api.call('jobs.start', { kind: 'store.verify', params: { repair: false } });
    setBusy(false);
    setError(result.ok ? null : result.error);
    setStarted(result.ok ? result.value.id : null);
  };

  return (
    <div className="verify-store">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void start()}
        data-testid="verify-store"
      >
        Verify image store
      </button>
      <span role="status" className="muted">
        {started && `Started job ${started.slice(0, 8)}; follow it under Jobs.`}
      </span>
      {error && (
        <span className="inline-error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
