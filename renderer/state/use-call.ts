/** Fetches one contract call and keeps its latest answer. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName, CallRequest, CallResponse } from '../../shared/contract.js';
import { useApi } from '../api/api-context.js';
import type { Remote } from './remote.js';

/** The answer of a call plus a function to ask again. */
export interface CallState<T> {
  readonly data: Remote<T>;
  readonly reload: () => void;
}

/**
 * Calls `name` with `request` on mount and whenever the request changes (compared as JSON, so
 * callers may pass object literals). Answers to superseded calls are dropped.
 */
export function useCall<N extends CallName>(name: N, request: CallRequest<N>): CallState<CallResponse<N>> {
  const api = useApi();
  const [data, setData] = useState<Remote<CallResponse<N>>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(request);

  useEffect(() => {
    const ticket = ++latest.current;
    void api.call(name, JSON.parse(key) as CallRequest<N>).then((result) => {
      if (ticket !== latest.current) return;
      setData(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error });
    });
  }, [api, name, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload };
}
