import { describe, expect, it, vi } from 'vitest';
import { callChannel, callNames } from '../../shared/contract';
import { createDispatcher, type Handlers } from '../core/bridge/dispatcher';
import { silentLogger } from '../core/log';
import { Redactor } from '../core/redactor';

vi.mock('electron', () => ({}));
const { registerIpc } = await import('./ipc');

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  return { handle: (channel: string, handler: any) => handlers.set(channel, handler), handlers };
}
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: { id: 1 } });

describe('IPC registration', () => {
  const ipcMain = fakeIpcMain();
  const handlers = { 'settings.get': () => ({ theme: 'light', locale: 'en', demoDismissed: false }) } as unknown as Handlers;
  registerIpc(ipcMain as never, createDispatcher(handlers, { log: silentLogger, redactor: new Redactor() }), (e) => e.sender.id === 1);

  it('registers exactly one handler per contract call and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('answers the app window on the app origin', async () => {
    const result = await ipcMain.handlers.get(callChannel('settings.get'))!(frame('app://switchboard/index.html'), {});
    expect(result).toEqual({ ok: true, value: { theme: 'light', locale: 'en', demoDismissed: false } });
  });

  it.each([
    ['a page on another origin', frame('https://evil.example/')],
    ['a file:// page', frame('file:///tmp/x.html')],
    ['a sub-frame of the app', frame('app://switchboard/index.html', { url: 'app://switchboard/' })],
    ['a window that is not ours', { senderFrame: { url: 'app://switchboard/', parent: null }, sender: { id: 2 } }],
    ['a frame that is gone', { senderFrame: null, sender: { id: 1 } }],
  ])('refuses %s with a typed error', async (_label, event) => {
    const result = await ipcMain.handlers.get(callChannel('settings.get'))!(event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('turns malformed input into invalid_input', async () => {
    const result = await ipcMain.handlers.get(callChannel('settings.get'))!(frame('app://switchboard/'), { x: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
