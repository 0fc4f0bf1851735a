import { describe, expect, it } from 'vitest';
import { ipcViolations } from './ipc-surface-scan';

const outside = (source: string) => ipcViolations(source, { mayRegister: false });

describe('the IPC surface scan', () => {
  it.each([
    ['ipcMain.handle', `import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);`],
    ['ipcMain.on across lines', `ipcMain\n  .on('x', () => undefined);`],
    ['optional chaining', `ipcMain?.once('x', f);`],
    ['a non-null assertion', `ipcMain!.handleOnce('x', f);`],
    ['a cast', `(ipcMain as IpcMain).addListener('x', f);`],
    ['a namespace import', `import * as electron from 'electron';\nelectron.ipcMain.prependListener('x', f);`],
    ['bracket access', `ipcMain['handle']('x', f);`],
    ['bracket access with double quotes', `ipcMain["on"]('x', f);`],
    ['bracket access with a template literal', 'ipcMain[`handle`](\'x\', f);'],
    ['computed access', `const method = 'handle';\nipcMain[method]('x', f);`],
    ['webContents.ipc.handle', `win.webContents.ipc.handle('x', f);`],
    ['webContents.ipc.on', `window.webContents.ipc.on('x', f);`],
    ['the sender’s own ipc', `event.sender.ipc.once('x', f);`],
    ['an alias', `const m = ipcMain;\nm.handle('x', f);`],
    ['an alias of an alias', `const m = ipcMain;\nlet n;\nn = m;\nn.on('x', f);`],
    ['an alias of a member chain', `const m = electron.ipcMain;\nm.on('x', f);`],
    ['an alias with a cast', `const m = ipcMain as IpcMain;\nm.handle('x', f);`],
    ['an alias of webContents.ipc', `const bus = win.webContents.ipc;\nbus.handle('x', f);`],
    ['import … as', `import { ipcMain as bus } from 'electron';\nbus.handle('x', f);`],
    ['destructuring a require', `const { ipcMain: bus } = require('electron');\nbus.on('x', f);`],
    ['a method taken off the object', `const { handle } = ipcMain;\nhandle('x', f);`],
    ['a renamed method taken off the object', `const { on: listen } = ipcMain;\nlisten('x', f);`],
    ['ipcRenderer.sendSync', `import { ipcRenderer } from 'electron';\nipcRenderer.sendSync('x', 1);`],
    ['ipcRenderer.send through an alias', `const r = ipcRenderer;\nr.send('x', 1);`],
    ['ipcRenderer bracket sendSync', `ipcRenderer['sendSync']('x');`],
    ['sendSync taken off ipcRenderer', `const { sendSync } = ipcRenderer;`],
  ])('catches %s', (_name, source) => {
    expect(outside(source)).not.toEqual([]);
  });

  it('reports the line', () => {
    expect(outside(`// ipcMain.handle in a comment\nconst s = "ipcMain.on(";\nipcMain.handle('x', f);`)).toEqual(['line 3: ipcMain.handle']);
  });

  it.each([
    ['comments and strings', `// ipcMain.handle('x')\n/* webContents.ipc.on */\nconst text = "ipcMain['handle'] and ipcRenderer.sendSync";`],
    ['a regular expression', `const pattern = /ipcMain\\.handle\\(/;\nconst quote = /['"]/;\nipcMain;`],
    ['passing ipcMain to the wrapper', `registerIpc(ipcMain, core.dispatch, (event) => windows.has(event.sender.id));`],
    ['the preload’s invoke and event listeners', `ipcRenderer.invoke(callChannel(name), input);\nipcRenderer.on(eventChannel(name), forward);\nipcRenderer.removeListener(eventChannel(name), forward);`],
    ['a property called ipc that is not read for a method', `const options = { ipc: true };\nfoo.ipc;`],
    ['an unrelated on()', `emitter.on('x', f);\nconst m = other;\nm.on('y', g);`],
  ])('leaves %s alone', (_name, source) => {
    expect(outside(source)).toEqual([]);
  });

  it('lets the wrapper register, but not send synchronously', () => {
    expect(ipcViolations(`ipcMain.handle(callChannel(name), f);`, { mayRegister: true })).toEqual([]);
    expect(ipcViolations(`ipcRenderer.sendSync('x');`, { mayRegister: true })).toEqual(["line 1: ipcRenderer.sendSync"]);
  });
});
