/** An in-process {@link ApiClient} over an engine, for the CLI and tests: same contract, no transport. */
import type { ApiClient, CallName, CallResult, EventName, EventPayloads } from '../../shared/contract.js';
import type { Engine } from './engine.js';

/** Wraps an engine as a typed client. */
export function inProcessClient(engine: Engine): ApiClient {
  return {
    call: async <N extends CallName>(name: N, request: unknown) =>
      (await engine.dispatch(name, request)) as CallResult<N>,
    on: <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) =>
      engine.subscribe((name, payload) => {
        if ((name as EventName) === event) listener(payload as EventPayloads[E]);
      }),
  };
}
