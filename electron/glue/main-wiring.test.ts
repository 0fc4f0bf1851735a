import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * electron/main.ts itself, run against the fake `electron` module: the checklist items that only hold if main wires
 * them (sandbox for every renderer, every web contents hardened, the session hardened, the custom protocol, the
 * sender check) are checked on what main really calls, not on the helpers alone. The core and the OS-facing glue
 * (keychain, store, notifications) are replaced: they have their own tests.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: any[]) => unknown;
  const appListeners = new Map<string, Listener>();
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const windows: any[] = [];
  const calls: string[] = [];
  const session = {
    setPermissionRequestHandler: (handler: Listener) => ((session.handlers.request = handler), calls.push('session.permissions')),
    setPermissionCheckHandler: (handler: Listener) => (session.handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (session.handlers.device = handler),
    webRequest: { onHeadersReceived: (handler: Listener) => (session.handlers.headers = handler) },
    handlers: {} as Record<string, Listener>,
  };
  return { appListeners, ready: () => ready(), whenReady, windows, calls, session, schemes: [] as unknown[], protocolHandlers: new Map<string, Listener>(), ipc: new Map<string, Listener>(), dispatch: vi.fn(async () => ({ ok: true, value: null })), dispose: vi.fn(async (): Promise<void> => undefined) };
});

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    webContents: any;
    options: any;
    loaded: string[] = [];
    constructor(options: any) {
      this.options = options;
      const listeners = new Map<string, (...args: any[]) => unknown>();
      this.webContents = { id: nextId++, listeners, on: (name: string, l: any) => listeners.set(name, l), setWindowOpenHandler: vi.fn() };
      fake.windows.push(this);
      fake.calls.push('window');
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      enableSandbox: () => fake.calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (name: string, listener: any) => fake.appListeners.set(name, listener),
      whenReady: () => fake.whenReady,
      getPath: () => mkdtempSync(join(tmpdir(), 'switchboard-main-')),
      getVersion: () => '0.0.0-test',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: any) => fake.ipc.set(channel, handler) },
    session: { defaultSession: fake.session },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => (fake.schemes.push(...schemes), fake.calls.push('protocol.registerSchemes')),
      handle: (scheme: string, handler: any) => (fake.protocolHandlers.set(scheme, handler), fake.calls.push('protocol.handle')),
    },
    net: { fetch: vi.fn() },
    shell: { openExternal: vi.fn() },
    Notification: class {},
  };
});
vi.mock('../core/create-core', () => ({ createCore: async () => ({ dispatch: fake.dispatch, dispose: fake.dispose }) }));
vi.mock('./keychain', () => ({ loadKeychain: async () => ({ keychain: null, problem: 'not in this test', name: 'none' }) }));
vi.mock('./store', () => ({ openElectronStore: () => ({ store: {}, quarantined: [] }) }));
vi.mock('./notifications', () => ({ createElectronNotifier: () => ({}) }));

await import('../main');
const { callNames, callChannel } = await import('../../shared/contract');

/** Everything main does once the app is ready, finished. */
async function whenMainIsReady() {
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  return fake.windows[0];
}

describe('main process wiring', () => {
  it('enables the sandbox for every renderer and registers app:// before the app is ready', () => {
    expect(fake.calls.slice(0, 2).sort()).toEqual(['app.enableSandbox', 'protocol.registerSchemes']);
    expect(fake.windows).toHaveLength(0);
  });

  it('registers app:// as a standard, secure scheme that does not bypass the CSP', () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('hardens every web contents the app creates, webviews and pop-ups included', () => {
    const listeners = new Map<string, (...args: any[]) => unknown>();
    const contents = { on: (name: string, listener: any) => listeners.set(name, listener), setWindowOpenHandler: vi.fn() };
    fake.appListeners.get('web-contents-created')!({}, contents);
    expect([...listeners.keys()]).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']));
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const attach = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('hardens the default session before the first window is created', async () => {
    await whenMainIsReady();
    expect(fake.calls.indexOf('session.permissions')).toBeLessThan(fake.calls.indexOf('window'));
    const callback = vi.fn();
    fake.session.handlers.request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.session.handlers.check!({}, 'notifications')).toBe(false);
    const headers = vi.fn();
    fake.session.handlers.headers!({ responseHeaders: {} }, headers);
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });

  it('serves the renderer from app:// and opens the window there, never on file://', async () => {
    const window = await whenMainIsReady();
    expect(fake.calls.indexOf('protocol.handle')).toBeLessThan(fake.calls.indexOf('window'));
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect(window.loaded).toEqual(['app://switchboard/index.html']);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('quits only once the core has finished its writes', async () => {
    await whenMainIsReady();
    const { app } = await import('electron');
    let finishWrites!: () => void;
    fake.dispose.mockReturnValue(new Promise<void>((resolve) => (finishWrites = resolve)));
    const event = { preventDefault: vi.fn() };
    fake.appListeners.get('will-quit')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await Promise.resolve();
    expect(app.exit).not.toHaveBeenCalled();
    finishWrites();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
  });

  it('registers one IPC handler per contract call, each passing on the verdict on its sender', async () => {
    const window = await whenMainIsReady();
    expect([...fake.ipc.keys()].sort()).toEqual(callNames.map(callChannel).sort());
    const handler = fake.ipc.get(callChannel('settings.get'))!;
    await handler({ senderFrame: { url: 'app://switchboard/index.html', parent: null }, sender: { id: window.webContents.id } }, {});
    await handler({ senderFrame: { url: 'app://switchboard/index.html', parent: null }, sender: { id: 999 } }, {});
    await handler({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: window.webContents.id } }, {});
    expect(fake.dispatch.mock.calls.map((call: unknown[]) => (call[2] as { trusted: boolean }).trusted)).toEqual([true, false, false]);
  });
});
