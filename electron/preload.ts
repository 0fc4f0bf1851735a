/**
 * The whole surface the renderer gets: `window.switchboard`, named functions generated from the contract.
 * Never ipcRenderer itself, never a generic invoke, never the raw IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, callChannel, eventChannel } from '../shared/contract';

contextBridge.exposeInMainWorld(
  'switchboard',
  buildBridge(
    (name, input) => ipcRenderer.invoke(callChannel(name), input),
    (name, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(name), forward);
      return () => void ipcRenderer.removeListener(eventChannel(name), forward);
    },
  ),
);
