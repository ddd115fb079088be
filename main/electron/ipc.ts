/**
 * The contract over IPC: one `ipcMain.handle` per call, engine events pushed to every window. This
 * and preload.ts are the only code that touches electron's IPC.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { CONTRACT_CALL_NAMES } from '../../shared/contract-names.js';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX } from '../../shared/transport.js';
import type { Engine } from '../api/engine.js';
import { answerIpcCall } from './ipc-calls.js';

/** Registers a handler per contract call and forwards events; returns the undo function. */
export function registerIpc(engine: Engine): () => void {
  for (const name of CONTRACT_CALL_NAMES) {
    ipcMain.handle(IPC_CALL_PREFIX + name, (event, request: unknown) =>
      answerIpcCall(engine, name, event.senderFrame?.url, request),
    );
  }
  const unsubscribe = engine.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_PREFIX + event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of CONTRACT_CALL_NAMES) ipcMain.removeHandler(IPC_CALL_PREFIX + name);
  };
}
