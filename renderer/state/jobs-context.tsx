/** One live jobs list for the whole window: the header badge, the drawer and the Jobs page share it. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { applyJobEvent, EMPTY_JOBS_VIEW, withJobList, type JobsView } from './jobs-reducer.js';
import { useRefetchOn } from './use-refetch.js';

/** The jobs list, the last error fetching it, and a reload. */
export interface JobsState extends JobsView {
  readonly loaded: boolean;
  readonly error: AppError | null;
  readonly reload: () => void;
}

const JobsContext = createContext<JobsState | null>(null);

/** How many jobs the panel lists. */
const JOBS_LIMIT = 50;

/** Fetches `jobs.list` once, then keeps it current from `jobs.event`. */
export function JobsProvider({ children }: Readonly<{ children: ReactNode }>) {
  const api = useApi();
  const [view, setView] = useState<JobsView>(EMPTY_JOBS_VIEW);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const ticket = useRef(0);
  // Events arrive faster than renders: fold them into a ref so none is applied to a stale view.
  const current = useRef<JobsView>(EMPTY_JOBS_VIEW);
  const commit = useCallback((next: JobsView) => {
    current.current = next;
    setView(next);
  }, []);

  const reload = useCallback(() => {
    const mine = ++ticket.current;
    void api.call('jobs.list', { limit: JOBS_LIMIT }).then((result) => {
      if (mine !== ticket.current) return;
      setLoaded(true);
      setError(result.ok ? null : result.error);
      if (result.ok) commit(withJobList(current.current, result.value));
    });
  }, [api, commit]);

  useEffect(() => {
    reload();
    return api.on('jobs.event', (event) => {
      const next = applyJobEvent(current.current, event);
      commit(next.view);
      if (next.needsReload) reload();
    });
  }, [api, reload, commit]);

  useRefetchOn(reload, { tables: ['jobs'] });

  return <JobsContext.Provider value={{ ...view, loaded, error, reload }}>{children}</JobsContext.Provider>;
}

/** The shared jobs state; throws outside {@link JobsProvider}. */
export function useJobs(): JobsState {
  const state = useContext(JobsContext);
  if (!state) throw new Error('useJobs() outside <JobsProvider>');
  return state;
}
