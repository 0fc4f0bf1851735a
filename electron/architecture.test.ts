import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcViolations } from './ipc-surface-scan';

/** The rules between layers from ARCHITECTURE.md, checked over the source tree so a violation fails CI. */
const root = join(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const imports = (file: string) => [...read(file).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
const production = (file: string) => !/\.test\.tsx?$/.test(file);

describe('layering', () => {
  it('core never imports electron', () => {
    const offenders = sources('electron/core').filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('core never reaches into glue or the entry points', () => {
    const offenders = sources('electron/core').filter((f) => imports(f).some((i) => /\/glue\/|\/main$|\/preload$|\/web$/.test(i)));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports neither Node, nor electron, nor main-process code', () => {
    const offenders = sources('renderer').filter((f) =>
      imports(f).some((i) => i === 'electron' || i.startsWith('node:') || /(^|\/)electron\//.test(i) || ['fs', 'path', 'child_process', 'crypto'].includes(i)),
    );
    expect(offenders).toEqual([]);
  });

  it('shared imports only zod and itself', () => {
    const offenders = sources('shared')
      .filter(production)
      .filter((f) => imports(f).some((i) => i !== 'zod' && !join(dirname(f), i).startsWith('shared/')));
    expect(offenders).toEqual([]);
  });
});

describe('IPC surface', () => {
  it('registers handlers only in electron/glue/ipc.ts, and never sends outside invoke', () => {
    // A token scan, not a regex: it also sees webContents.ipc, ipcMain['handle'], aliases and ipcRenderer.sendSync.
    const wrapper = 'electron/glue/ipc.ts';
    const offenders = [...sources('electron'), ...sources('renderer'), ...sources('shared')]
      .filter(production)
      .flatMap((f) => ipcViolations(read(f), { mayRegister: f === wrapper }).map((found) => `${f} ${found}`));
    expect(offenders).toEqual([]);
    // The scan must see the wrapper's own registration, or it would pass by seeing nothing at all.
    expect(ipcViolations(read(wrapper), { mayRegister: false })).toEqual([expect.stringMatching(/: ipcMain\.handle$/)]);
  });

  it('the preload exposes one object, built from the contract, and never ipcRenderer itself', () => {
    const preload = read('electron/preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain('buildBridge(');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(preload).not.toMatch(/\binvoke\s*:/);
  });

  it('keeps the web-mode server out of the Electron bundle', async () => {
    const result = await build({
      entryPoints: [join(root, 'electron/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      external: ['electron', 'keytar'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, join(process.cwd(), p)));
    expect(inputs.some((p) => p.endsWith('electron/core/bridge/web-server.ts'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('electron/web.ts'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('electron/glue/ipc.ts'))).toBe(true);
  });
});
