import { describe, expect, it, vi } from 'vitest';
import { callChannel, callNames, eventChannel, eventNames } from '../../shared/contract';

/**
 * electron/preload.ts run against the fake `electron` module: what it really hands the page through contextBridge.
 * One object of named functions from the contract, no Electron API, no generic invoke, no IPC event objects.
 */
const fake = vi.hoisted(() => ({
  exposed: new Map<string, any>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (...args: any[]) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => (fake.invoked.push([channel, input]), { ok: true, value: null }),
    on: (channel: string, listener: any) => fake.listeners.set(channel, listener),
    removeListener: (channel: string) => fake.listeners.delete(channel),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));
await import('../preload');

/** Every value reachable from an object, with its path. */
function walk(value: unknown, path: string[] = [], seen = new Set<unknown>()): [string, unknown][] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [[path.join('.'), value]];
  seen.add(value);
  return Object.entries(value).flatMap(([key, inner]) => walk(inner, [...path, key], seen));
}

describe('preload bridge', () => {
  it('exposes exactly one object, window.switchboard, and no Electron API', () => {
    expect([...fake.exposed.keys()]).toEqual(['switchboard']);
    const leaves = walk(fake.exposed.get('switchboard'));
    expect(leaves.every(([, value]) => typeof value === 'function')).toBe(true);
    // The contract's calls, and one `on…` subscriber per contract event: nothing else.
    const paths = leaves.map(([path]) => path);
    const subscribers = paths.filter((path) => !(callNames as readonly string[]).includes(path));
    expect(paths).toEqual(expect.arrayContaining([...callNames]));
    expect(subscribers).toHaveLength(eventNames.length);
    expect(subscribers.every((path) => /^[a-z]+\.on[A-Z]\w*$/.test(path))).toBe(true);
  });

  it('each call function reaches only its own contract channel', async () => {
    const api = fake.exposed.get('switchboard');
    await api.settings.get();
    expect(fake.invoked).toEqual([[callChannel('settings.get'), {}]]);
  });

  it('hands event listeners the payload only, never the IPC event with its sender', () => {
    const api = fake.exposed.get('switchboard');
    const [namespace, rest] = [eventNames[0]!.slice(0, eventNames[0]!.indexOf('.')), eventNames[0]!];
    const subscribe = Object.entries(api[namespace]).find(([key]) => key.startsWith('on'))![1] as (l: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const unsubscribe = subscribe((...args) => received.push(args));
    fake.listeners.get(eventChannel(rest))!({ sender: { send: vi.fn() }, ports: [] }, { payload: 1 });
    expect(received).toEqual([[{ payload: 1 }]]);
    unsubscribe();
    expect(fake.listeners.has(eventChannel(rest))).toBe(false);
  });
});
