/** Shows whether live updates are flowing (web mode reconnects after a server restart). */
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import type { ConnectionState } from '../api/client-types.js';

const WORDS: Readonly<Record<ConnectionState, string>> = {
  open: 'Live',
  connecting: 'Reconnecting…',
  closed: 'Offline',
};

/** A dot and a word for the event connection state. */
export function ConnectionIndicator() {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => api.onConnection(setState), [api]);
  return (
    <span className="connection" data-state={state} role="status" data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {WORDS[state]}
    </span>
  );
}
