/** The renderer's view of the engine: the contract's ApiClient plus what only a UI needs. */
import type { ApiClient } from '../../shared/contract.js';

/** Which transport carries the contract. */
export type TransportMode = 'electron' | 'web';

/** Whether events are flowing; `connecting` covers the first connect and every reconnect. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The one client the renderer uses, whatever the transport. */
export interface RendererApi extends ApiClient {
  readonly mode: TransportMode;
  /** URL of a content-addressed image (sha256 hex) that an `<img>` can load. */
  imageUrl(hash: string): string;
  /** Subscribes to changes of the event connection; the listener is called at once with the current state. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting and closes any socket (tests and page unload). */
  dispose(): void;
}
