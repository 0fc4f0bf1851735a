import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

/** The app:// protocol that replaces file://: it serves the built renderer and nothing else, on one host. */
const fake = vi.hoisted(() => ({ handlers: new Map<string, (request: { url: string }) => unknown>(), fetched: [] as string[] }));
vi.mock('electron', () => ({
  protocol: { handle: (scheme: string, handler: any) => fake.handlers.set(scheme, handler), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: (url: string) => (fake.fetched.push(url), new Response('file')) },
}));
const { serveRenderer } = await import('./protocol');

const root = join(sep, 'opt', 'switchboard', 'renderer');
serveRenderer(root);
const get = async (url: string) => {
  fake.fetched.length = 0;
  const response = (await fake.handlers.get('app')!({ url })) as Response;
  return { status: response.status, fetched: [...fake.fetched] };
};

describe('app:// protocol', () => {
  it('serves files of the built renderer, index.html for the root', async () => {
    expect(await get('app://switchboard/index.html')).toEqual({ status: 200, fetched: [pathToFileURL(join(root, 'index.html')).toString()] });
    expect((await get('app://switchboard/')).fetched).toEqual([pathToFileURL(join(root, 'index.html')).toString()]);
    expect((await get('app://switchboard/assets/app.js')).fetched).toEqual([pathToFileURL(join(root, 'assets', 'app.js')).toString()]);
  });

  it('answers 404 on another host and reads no file', async () => {
    expect(await get('app://elsewhere/index.html')).toEqual({ status: 404, fetched: [] });
  });

  it.each([
    ['a path that climbs out', 'app://switchboard/../../../etc/passwd'],
    ['an encoded climb', 'app://switchboard/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded separator climb', 'app://switchboard/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['a climb from the start', 'app://switchboard/..%2f..%2fetc/passwd'],
  ])('never reads a file outside the renderer folder: %s', async (_label, url) => {
    const { fetched } = await get(url);
    const inside = pathToFileURL(root).toString() + '/';
    expect(fetched.every((file) => file.startsWith(inside))).toBe(true);
  });
});
