import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { callChannel, callNames, eventChannel, type EventName } from '../../shared/contract';
import type { Dispatch, SenderVerdict } from '../core/bridge/dispatcher';
import { isAppUrl } from './app-origin';

/**
 * The only place that registers IPC handlers (a test scans the tree for others). Each contract call gets one
 * handler, and every handler goes through the dispatcher with the verdict on its sender frame.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => dispatch(name, input, senderVerdict(event, isOwnWindow)));
  }
}

/** Trusted only when the call comes from the top frame of our own window, showing our own origin. */
export function senderVerdict(event: IpcMainInvokeEvent, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return { trusted: false, reason: 'the sending frame is gone' };
  if (frame.parent !== null) return { trusted: false, reason: 'a sub-frame may not call the bridge' };
  if (!isAppUrl(frame.url)) return { trusted: false, reason: 'the sending frame is not on the app origin' };
  if (!isOwnWindow(event)) return { trusted: false, reason: 'the sender is not a Switchboard window' };
  return { trusted: true };
}

/** Pushes a contract event to every open window. */
export function createIpcEmitter(windows: () => BrowserWindow[]) {
  return (name: EventName | string, payload: unknown) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name as EventName), payload);
    }
  };
}
