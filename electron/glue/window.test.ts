import { describe, expect, it, vi } from 'vitest';

const created: { options: any; contents: any; loaded: string[] }[] = [];
vi.mock('electron', () => ({
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    loaded: string[] = [];
    constructor(options: unknown) {
      created.push({ options, contents: this.webContents, loaded: this.loaded });
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));
const { createMainWindow } = await import('./window');

describe('main window', () => {
  createMainWindow('/app/preload.cjs');
  const [window] = created;

  it('is created with the whole security checklist in webPreferences', () => {
    expect(window!.options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the app from the custom protocol, never file://, and hardens its contents', () => {
    expect(window!.loaded).toEqual(['app://switchboard/index.html']);
    expect(window!.contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(window!.contents.on.mock.calls.map((c: unknown[]) => c[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });
});
