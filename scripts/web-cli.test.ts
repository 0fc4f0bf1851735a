import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, ROOT } from './renderer-build';

/**
 * The README's web-mode command line, run for real: `node --import tsx electron/web.ts --port N --data-dir DIR`
 * (what `npm run web -- --port N --data-dir DIR` starts after building). The renderer is built into a directory
 * of this test's own and passed with --static, so dist/renderer is never touched.
 */
let scratch = '';
let staticDir = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'switchboard-web-cli-'));
  staticDir = join(scratch, 'renderer');
  const build = await buildRenderer('web', staticDir);
  expect(build, build.output).toMatchObject({ status: 0 });
}, 120_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A port nobody listens on right now: bind port 0, read what the OS gave, let it go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function startCli(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const announced = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /SWITCHBOARD_WEB_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`web mode exited with ${code} before announcing its URL:\n${output}`)));
  });
  return { child, announced, exited, output: () => output };
}

describe('web mode from the command line', () => {
  it('listens on the given port on 127.0.0.1, names the data directory, serves the page and the core, and stops on Ctrl-C', async () => {
    const port = await freePort();
    const dataDir = join(scratch, 'data dir');
    const cli = startCli(['--port', String(port), '--data-dir', dataDir, '--static', staticDir]);
    try {
      const announced = new URL(await cli.announced);
      expect(announced.hostname).toBe('127.0.0.1');
      expect(announced.port).toBe(String(port));
      const token = /token=([A-Za-z0-9_-]+)/.exec(announced.hash)?.[1];
      expect(token).toBeTruthy();
      expect(cli.output()).toContain(`data directory: ${dataDir}`);
      expect(cli.output()).toContain(`open: ${announced.href}`);

      const page = await fetch(announced.origin + '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
      expect(script, html).toBeTruthy();
      expect((await fetch(`${announced.origin}/${script}`)).status).toBe(200);

      // The core behind it answers, with the token, about this very data directory.
      const info = await fetch(`${announced.origin}/rpc/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchboard-token': token! },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { runtime: 'web', dataDir } });
      const refused = await fetch(`${announced.origin}/rpc/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(403);
    } finally {
      cli.child.kill('SIGINT');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('Switchboard web mode stopped.');
    expect(await canListen(port)).toBe(true);
  }, 60_000);
});
