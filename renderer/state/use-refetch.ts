/** Reloads a query when the engine says its data changed. */
import { useEffect } from 'react';
import type { StoreTable } from '../../shared/app.js';
import { useApi } from '../api/api-context.js';

/** Coalesces bursts (a job finishing touches several tables at once) into one reload. */
const DEBOUNCE_MS = 150;

/** What should trigger a reload. */
export interface RefetchTriggers {
  /** Reload on `store.changed` naming any of these tables. */
  readonly tables: ReadonlyArray<StoreTable>;
  /** Also reload when a job changes status (started, finished, ...). */
  readonly onJobStatus?: boolean;
}

/** Calls `reload` (debounced) on the given events and whenever the event connection reopens. */
export function useRefetchOn(reload: () => void, triggers: RefetchTriggers): void {
  const api = useApi();
  const tablesKey = triggers.tables.join(',');
  const onJobStatus = triggers.onJobStatus ?? false;

  useEffect(() => {
    const tables = tablesKey.split(',');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    };
    let opens = 0;
    const unsubscribers = [
      api.on('store.changed', ({ tables: changed }) => {
        if (changed.some((t) => tables.includes(t))) schedule();
      }),
      api.on('jobs.event', (event) => {
        if (onJobStatus && event.type === 'status') schedule();
      }),
      // Events sent while the socket was down are lost: reload after every reconnect.
      api.onConnection((state) => {
        if (state === 'open' && ++opens > 1) schedule();
      }),
    ];
    return () => {
      if (timer) clearTimeout(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [api, reload, tablesKey, onJobStatus]);
}
