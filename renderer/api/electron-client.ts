/** The contract over the Electron preload bridge (`window.vcheck`). */
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../shared/contract.js';
import { IMAGE_PROTOCOL, type PreloadBridge } from '../../shared/transport.js';
import type { ConnectionState, RendererApi } from './client-types.js';
import { isContractEvent as isEventName } from '../../shared/contract-names.js';
import { describeThrown, isResult, unavailable } from './failure.js';

/** Builds the client over a preload bridge. IPC has no reconnects: the connection is always open. */
export function createElectronClient(bridge: PreloadBridge): RendererApi {
  return {
    mode: 'electron',
    async call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<N>> {
      try {
        const answer = await bridge.call(name, request);
        return isResult(answer)
          ? (answer as CallResult<N>)
          : unavailable(name, 'the preload answered without a Result');
      } catch (thrown) {
        return unavailable(name, describeThrown(thrown));
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
      return bridge.on(event, (payload) => listener(payload as EventPayloads[E]));
    },
    imageUrl: (hash) => `${IMAGE_PROTOCOL}://img/${encodeURIComponent(hash)}.png`,
    onConnection(listener: (state: ConnectionState) => void): () => void {
      listener('open');
      return () => undefined;
    },
    dispose: () => undefined,
  };
}
