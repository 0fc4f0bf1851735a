/**
 * Electron's main process: wiring only. Everything with logic lives in core/ (plain Node, tested without
 * Electron) and glue/ (the thin Electron-specific edges).
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from './core/create-core';
import { createFileLogger } from './core/log';
import { Redactor } from './core/redactor';
import { createIpcEmitter, registerIpc } from './glue/ipc';
import { loadKeychain } from './glue/keychain';
import { createElectronNotifier } from './glue/notifications';
import { registerAppScheme, serveRenderer } from './glue/protocol';
import { hardenSession, hardenWebContents } from './glue/security';
import { openElectronStore } from './glue/store';
import { createMainWindow } from './glue/window';

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | null = null;

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
// Quitting waits for the core to finish its writes (the saved fleet is debounced by up to a second), then exits.
let disposed = false;
app.on('will-quit', (event) => {
  if (disposed || !core) return;
  event.preventDefault();
  disposed = true;
  void core.dispose().finally(() => app.exit(0));
});

void app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  serveRenderer(join(__dirname, '..', 'renderer'));

  const dataDir = app.getPath('userData');
  const redactor = new Redactor();
  const log = createFileLogger(join(dataDir, 'logs', 'switchboard.log'), redactor);
  const { store, quarantined } = openElectronStore();
  core = await createCore({
    runtime: 'electron',
    version: app.getVersion(),
    dataDir,
    store,
    quarantined,
    keychain: await loadKeychain(),
    emit: createIpcEmitter(() => BrowserWindow.getAllWindows()),
    log,
    redactor,
    notifier: createElectronNotifier({ onClick: () => BrowserWindow.getAllWindows()[0]?.focus() }),
  });

  const windows = new Set<number>();
  registerIpc(ipcMain, core.dispatch, (event) => windows.has(event.sender.id));
  const window = createMainWindow(join(__dirname, 'preload.cjs'));
  windows.add(window.webContents.id);
});
