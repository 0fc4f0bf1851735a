import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * The "do not" items of Electron's security checklist, each proven twice: on the window main really creates (through
 * the fake `electron` module) and over the production sources, so a second window, a command-line switch or a
 * renderer template cannot bring the setting back unnoticed.
 */
const created = vi.hoisted(() => [] as { webPreferences: Record<string, unknown> }[]);
vi.mock('electron', () => ({
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      created.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  },
}));
const { createMainWindow } = await import('./window');
createMainWindow('/app/preload.cjs');
const preferences = created[0]!.webPreferences;

const root = join(import.meta.dirname, '..', '..');
/** Production sources (no tests, which name the bad settings on purpose) of the main process, preload and renderer. */
const sources = ['electron', 'renderer', 'shared'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { file: path.slice(root.length + 1), text: readFileSync(path, 'utf8') };
    }),
);
const filesMatching = (pattern: RegExp) => sources.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe('webPreferences and the sources', () => {
  it('does not disable webSecurity, in the window or anywhere in the sources', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(filesMatching(/webSecurity\s*:\s*false|disablewebsecurity|disable-web-security/i)).toEqual([]);
  });

  it('does not enable allowRunningInsecureContent, in the window or anywhere in the sources', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(filesMatching(/allowRunningInsecureContent\s*:\s*true|allow-running-insecure-content/)).toEqual([]);
  });

  it('does not enable experimental features, in the window or anywhere in the sources', () => {
    expect(preferences.experimentalFeatures).toBe(false);
    expect(filesMatching(/experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/)).toEqual([]);
  });

  it('does not use enableBlinkFeatures, in the window or anywhere in the sources', () => {
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(filesMatching(/enableBlinkFeatures|enable-blink-features/)).toEqual([]);
  });

  it('has no <webview>: the tag is off, and no source creates one or uses allowpopups', () => {
    expect(preferences.webviewTag).toBe(false);
    expect(filesMatching(/<webview|allowpopups|webviewTag\s*:\s*true/i)).toEqual([]);
  });

  it('calls shell.openExternal only inside the allow-list wrapper', () => {
    expect(filesMatching(/\bopenExternal\s*\(/)).toEqual(['electron/glue/security.ts']);
    const security = sources.find(({ file }) => file === 'electron/glue/security.ts')!.text;
    // One call, right after the allow-list check.
    expect(security.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(security).toMatch(/if \(!isAllowedExternal\(url\)\) return false;\s*await shell\.openExternal\(url\);/);
  });

  it('never loads the app from file://: no loadFile, no file: URL loaded, no file protocol registered', () => {
    expect(filesMatching(/\.loadFile\s*\(|loadURL\(\s*['"`]file:|registerFileProtocol|interceptFileProtocol/)).toEqual([]);
  });

  it('never exposes Node to the page: no nodeIntegration, context isolation and the sandbox on', () => {
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
    // Inside any webPreferences object (an account's own `sandbox: false` is something else).
    expect(filesMatching(/webPreferences\s*:\s*\{[^}]*\b(nodeIntegration\w*\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false)/)).toEqual([]);
    expect(filesMatching(/webPreferences\s*:\s*\{[^}]*\bsandbox\s*:\s*true/)).toEqual(['electron/glue/window.ts']);
  });
});
