import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './app-origin';
import { hardenWebContents } from './security';

/**
 * The main window. webPreferences are written out literally (not built by a helper) so that Electronegativity,
 * which reads this object in the source, checks the real settings: Electron's security checklist, all of it.
 */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Switchboard',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
