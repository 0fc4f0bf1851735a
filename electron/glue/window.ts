import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './app-origin';
import { hardenWebContents, secureWebPreferences } from './security';

/** The main window: secure preferences, hardened contents, shown once painted to avoid a white flash. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Switchboard',
    webPreferences: secureWebPreferences(preload),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
