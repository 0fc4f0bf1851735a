import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConsole } from '../e2e/console';
import { findElectronBinary } from './electron-binary';

/**
 * The packaged shape of the app, from the outside: the real Electron binary runs dist/electron/main.cjs, and the
 * tests look at what the window's webPreferences really give the page (what it can reach, where it may navigate).
 * Everything here is also unit-tested through the fake `electron` module; this is the proof on the real thing,
 * wherever an Electron binary exists (not on machines that cannot download it: then every test is skipped, with
 * the reason).
 */
const root = join(import.meta.dirname, '..');
const found = findElectronBinary(root);
// Electron on Linux needs a display server (CI without one: run the suite under `xvfb-run`).
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const binary = 'missing' in found || !noDisplay ? found : { missing: 'No display for Electron: DISPLAY is not set (run under xvfb-run).' };
if ('missing' in binary) console.log(`Skipping the Electron specs: ${binary.missing}`);
test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!('path' in binary)) return;
  const main = join(root, 'dist', 'electron', 'main.cjs');
  if (!existsSync(main)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first.');
  // A throw-away profile: the user-data directory follows XDG_CONFIG_HOME on Linux, APPDATA on Windows, HOME on macOS.
  const profile = mkdtempSync(join(tmpdir(), 'switchboard-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [main],
    env: { ...process.env, XDG_CONFIG_HOME: profile, APPDATA: profile, HOME: process.platform === 'darwin' ? profile : (process.env.HOME ?? profile) },
  });
  page = await app.firstWindow();
  await openConsole(page, page.url());
});
test.afterAll(async () => {
  await app?.close();
});

test('the window shows the app from app://, isolated: the bridge is a contextBridge proxy, not a page object', async () => {
  expect(page.url()).toMatch(/^app:\/\/switchboard\//);
  expect(app.windows()).toHaveLength(1);
  // contextBridge works only with contextIsolation on, and hands the page proxies whose source is not visible.
  expect(await page.evaluate(() => String((window as any).switchboard.settings.get))).toMatch(/\[native code\]/);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toBe(page.url());
});

test('the renderer has no Node: require, process and module are undefined', async () => {
  expect(await page.evaluate(() => [typeof (globalThis as any).require, typeof (globalThis as any).process, typeof (globalThis as any).module])).toEqual([
    'undefined',
    'undefined',
    'undefined',
  ]);
});

test('the preload bridge is there, and it is the only thing exposed', async () => {
  const bridge = await page.evaluate(() => {
    const api = (window as any).switchboard;
    return { type: typeof api, settingsGet: typeof api?.settings?.get, electron: ['ipcRenderer', 'electron', 'invoke'].filter((key) => key in window || (api && key in api)) };
  });
  expect(bridge).toEqual({ type: 'object', settingsGet: 'function', electron: [] });
  expect(await page.evaluate(() => (window as any).switchboard.settings.get())).toMatchObject({ locale: expect.any(String) });
});

test('navigation to an external URL and new windows are denied', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.open('https://example.com/', '_blank'))).toBeNull();
  expect(app.windows()).toHaveLength(1);
});

test('the app works against its sandbox: the demo workspace opens', async () => {
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
});
