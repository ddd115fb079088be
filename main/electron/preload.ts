/**
 * The sandboxed preload: exposes the contract bridge as `window.vcheck` and nothing else. Bundled by
 * esbuild into one CommonJS file; at run time it may require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('vcheck', createBridge(ipcRenderer));
