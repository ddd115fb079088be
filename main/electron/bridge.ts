/**
 * The guard behind `window.vcheck`: the renderer may invoke contract calls and listen to contract
 * events, nothing else. Pure (no electron import) so it is tested under plain Node with a fake of
 * the `ipcRenderer` surface it uses; preload.ts hands it the real one.
 */
import { isContractCall, isContractEvent } from '../../shared/contract-names.js';
import { err } from '../../shared/result.js';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX, type PreloadBridge } from '../../shared/transport.js';

/** An IPC listener as electron calls it: the event object first, then the payload. */
export type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of electron's `ipcRenderer` the bridge needs. */
export interface RendererIpc {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Builds the object the preload exposes as `window.vcheck`. */
export function createBridge(ipc: RendererIpc): PreloadBridge {
  return {
    async call(name: string, request: unknown): Promise<unknown> {
      if (!isContractCall(name))
        return err('unknown_call', `"${String(name)}" is not a call of the contract`);
      try {
        return await ipc.invoke(IPC_CALL_PREFIX + name, request);
      } catch (thrown) {
        // A handler that throws (or a request that cannot be cloned) must still answer a Result.
        return err('internal', thrown instanceof Error ? thrown.message : String(thrown));
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isContractEvent(event)) throw new TypeError(`"${String(event)}" is not an event of the contract`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const channel = IPC_EVENT_PREFIX + event;
      // Only the payload reaches the page: the IPC event object would expose `sender` to it.
      const forward: IpcListener = (_event, payload) => listener(payload);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
  };
}
