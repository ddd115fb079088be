/** What the Electron preload adds to the page (absent in web mode). */
import type { PreloadBridge } from '../../shared/transport.js';

declare global {
  interface Window {
    /** The contract bridge exposed by the preload through contextBridge; undefined in a browser tab. */
    readonly vcheck?: PreloadBridge;
  }
}
