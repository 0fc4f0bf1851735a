import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { Redactor } from '../redactor';
import { createDispatcher, type Handlers } from './dispatcher';
import { startWebServer, type WebServer } from './web-server';

let server: WebServer;
const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');

beforeAll(async () => {
  const handlers = { 'settings.get': () => ({ theme: 'dark', locale: 'en', demoDismissed: false }) } as unknown as Handlers;
  server = await startWebServer({
    dispatch: createDispatcher(handlers, { log: silentLogger, redactor: new Redactor() }),
    staticDir,
    port: 0,
    log: silentLogger,
  });
});
afterAll(() => server.close());

/** Raw HTTP so the test can forge Host and Origin headers the way a hostile page or rebinding attack would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(server.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'POST', headers: { host: url.host, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
const json = { 'content-type': 'application/json' };

describe('web-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('answers a call that carries the token', async () => {
    const res = await send('/rpc/settings.get', { headers: { ...json, 'x-switchboard-token': server.token }, body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { theme: 'dark', locale: 'en', demoDismissed: false } });
  });

  it.each([
    ['no token', { ...json }],
    ['a wrong token', { ...json, 'x-switchboard-token': 'x'.repeat(32) }],
    ['a foreign Origin', { ...json, 'x-switchboard-token': 'TOKEN', origin: 'https://evil.example' }],
    ['a rebinding Host', { ...json, 'x-switchboard-token': 'TOKEN', host: 'evil.example:80' }],
  ])('refuses a call with %s', async (_label, headers: Record<string, string>) => {
    const res = await send('/rpc/settings.get', {
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'TOKEN' ? server.token : v])),
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden_sender');
  });

  it('refuses a form post (no preflight-free cross-site calls)', async () => {
    const res = await send('/rpc/settings.get', {
      headers: { 'content-type': 'text/plain', 'x-switchboard-token': server.token },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });

  it('refuses the event stream without the token', async () => {
    expect((await send('/events', { method: 'GET' })).status).toBe(403);
  });

  it('serves the renderer with the CSP and never files outside it', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await send('/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(escape.body).not.toContain('root:');
  });
});
