import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { Chat2DeskApi } from '../chat2desk/client';
import { capturingLogger, instantRetry, rejection } from '../test-support';
import { closeProxyDispatchers, type ProxyConfig, type ProxySource } from './proxy';
import { startTestProxy, type TestProxy } from './test-proxy';

const env = (vars: Record<string, string>): ProxyConfig => ({ mode: 'environment', env: vars });
const PASSWORD = 'proxy-pass-123';


/** REST calls through a real forward proxy on loopback (test-proxy.ts), to the sandbox behind it. */
describe('calls through a real proxy on loopback', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  const sandboxPort = () => Number(new URL(sandbox.urls.chat2desk.baseUrl).port);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11 });
    proxy = await startTestProxy({ requireAuth: `ops:${PASSWORD}` });
  });
  afterAll(async () => {
    await closeProxyDispatchers();
    await proxy.close();
    await sandbox.close();
  });
  beforeEach(() => {
    proxy.reset();
    sandbox.requests.clear();
  });

  const chat2desk = (baseUrl: string, proxySource: ProxySource, logger = capturingLogger()) =>
    new Chat2DeskApi(
      { baseUrl, apiToken: sandbox.demo.chat2desk.apiToken },
      { redactor: new Redactor(), timeoutMs: 3000, retry: instantRetry().retry, proxy: proxySource, logger },
    );
  const viaName = () => `http://api.chat2desk.invalid:${sandboxPort()}`;
  const setting = (password: string, noProxy = ''): ProxyConfig => ({ mode: 'explicit', url: proxy.url(), username: 'ops', password, noProxy });

  it('HTTP_PROXY: an http call is forwarded by the proxy, with its credentials, and reaches the sandbox', async () => {
    const logger = capturingLogger();
    const info = await chat2desk(viaName(), env({ HTTP_PROXY: proxy.url(`ops:${PASSWORD}`) }), logger).getApiInfo();
    expect(info.companyId).toBe(sandbox.state.chat2desk.company.companyId);
    expect(proxy.seen).toEqual([{ method: 'GET', target: `${viaName()}/v1/companies/api_info`, auth: `ops:${PASSWORD}` }]);
    expect(sandbox.requests.list('chat2desk').map((r) => r.path)).toEqual(['/v1/companies/api_info']);
    expect(logger.lines.join('\n')).toContain(`"proxy":"${proxy.display}"`);
    expect(logger.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('the app setting: user name and password from their own fields, the sandbox on loopback reached through the proxy with <-loopback>', async () => {
    const info = await chat2desk(sandbox.urls.chat2desk.baseUrl, setting(PASSWORD, '<-loopback>')).getApiInfo();
    expect(info.companyId).toBe(sandbox.state.chat2desk.company.companyId);
    expect(proxy.seen).toEqual([{ method: 'GET', target: `${sandbox.urls.chat2desk.baseUrl}/v1/companies/api_info`, auth: `ops:${PASSWORD}` }]);
    // Without the token, loopback goes direct: the proxy sees nothing.
    await chat2desk(sandbox.urls.chat2desk.baseUrl, setting(PASSWORD)).getApiInfo();
    expect(proxy.seen).toHaveLength(1);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(2);
  });

  it('a client built once follows the setting it reads: the next call goes the new way, without rebuilding anything', async () => {
    let current: ProxyConfig = { mode: 'direct' };
    const api = chat2desk(sandbox.urls.chat2desk.baseUrl, () => current);
    await api.getApiInfo();
    expect(proxy.seen).toEqual([]);
    current = setting(PASSWORD, '<-loopback>');
    await api.getApiInfo();
    expect(proxy.seen).toHaveLength(1);
    current = { mode: 'direct' };
    await api.getApiInfo();
    expect(proxy.seen).toHaveLength(1);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(3);
  });

  it('HTTPS_PROXY: an https call tunnels with CONNECT and TLS runs end to end with the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-proxy-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.chat2desk.invalid',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tls.address() as AddressInfo).port;
      const error = await rejection(chat2desk(`https://api.chat2desk.invalid:${port}`, env({ https_proxy: proxy.url(`ops:${PASSWORD}`) })).getApiInfo());
      // The self-signed certificate is the target's: the handshake happened inside the tunnel.
      expect(error.code).toBe('tls_error');
      expect(error.message).toContain(`through the proxy at ${proxy.display}`);
      expect(error.details.proxy).toBe(proxy.display);
      expect(proxy.seen[0]).toEqual({ method: 'CONNECT', target: `api.chat2desk.invalid:${port}`, auth: `ops:${PASSWORD}` });
      expect(proxy.tunnels).toBe(1);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('NO_PROXY, the setting\'s bypass list and loopback go direct: the proxy sees nothing', async () => {
    // Direct, the made-up name cannot be resolved: proof that the proxy was not asked.
    expect((await rejection(chat2desk(viaName(), env({ HTTP_PROXY: proxy.url(`ops:${PASSWORD}`), NO_PROXY: 'chat2desk.invalid' })).getApiInfo())).code).toBe('host_not_found');
    expect((await rejection(chat2desk(viaName(), setting(PASSWORD, 'other.example, .chat2desk.invalid')).getApiInfo())).code).toBe('host_not_found');
    await chat2desk(sandbox.urls.chat2desk.baseUrl, setting(PASSWORD)).getApiInfo();
    expect(proxy.seen).toEqual([]);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(1);
  });

  it('the explicit app setting wins over the environment', async () => {
    const original = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      await chat2desk(viaName(), setting(PASSWORD)).listChannels({ limit: 1 });
    } finally {
      if (original === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = original;
    }
    expect(proxy.seen.map((entry) => entry.target)).toEqual([`${viaName()}/v1/channels?limit=1`]);
  });

  it('a wrong proxy password → proxy_auth_required, worded for the operator, the password in no message, detail or log line', async () => {
    const logger = capturingLogger();
    const redactor = new Redactor();
    const api = new Chat2DeskApi(
      { baseUrl: sandbox.urls.chat2desk.baseUrl, apiToken: sandbox.demo.chat2desk.apiToken },
      { redactor, timeoutMs: 3000, retry: instantRetry().retry, proxy: setting('wrong-pass-456', '<-loopback>'), logger },
    );
    const error = await rejection(api.getApiInfo());
    expect(error.code).toBe('proxy_auth_required');
    expect(error.message).toMatch(
      /^The proxy at 127\.0\.0\.1:\d+ asked for a user name and password and did not accept what Switchboard sent \(407 Proxy Authentication Required\) while reading the API limits on 127\.0\.0\.1:\d+ \(Chat2Desk\)\. Check the proxy user name and password under Network settings/,
    );
    expect(error.details).toMatchObject({ provider: 'chat2desk', proxy: proxy.display });
    const everything = [error.message, JSON.stringify(error.details), ...logger.lines].join('\n');
    expect(everything).not.toContain('wrong-pass-456');
    // The redactor learnt the password: anything echoing it later is masked too.
    expect(redactor.redact('echo wrong-pass-456')).toBe('echo ••••');
    expect(sandbox.requests.list('chat2desk')).toEqual([]);
  });

  it('a wrong password in HTTP_PROXY → the same typed error', async () => {
    const error = await rejection(chat2desk(viaName(), env({ HTTP_PROXY: proxy.url('ops:wrong-pass-456') })).getApiInfo());
    expect(error.code).toBe('proxy_auth_required');
    expect(error.message).not.toContain('wrong-pass-456');
  });

  it('a proxy that refuses the tunnel → proxy_refused naming the proxy and the status', async () => {
    proxy.refuseWith = 403;
    const error = await rejection(chat2desk(`https://api.chat2desk.invalid`, env({ HTTPS_PROXY: proxy.url(`ops:${PASSWORD}`) })).getApiInfo());
    expect(error.code).toBe('proxy_refused');
    expect(error.message).toMatch(/^The proxy at 127\.0\.0\.1:\d+ refused to carry the request to api\.chat2desk\.invalid \(403\)/);
  });

  it('a proxy port that refuses connections → connection_refused naming the proxy', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const error = await rejection(chat2desk('https://api.chat2desk.invalid', env({ HTTPS_PROXY: `http://ops:${PASSWORD}@127.0.0.1:${port}` })).getApiInfo());
    expect(error.code).toBe('connection_refused');
    expect(error.message).toBe(
      `The proxy at 127.0.0.1:${port} refused the connection while reading the API limits on api.chat2desk.invalid (Chat2Desk). Check the proxy under Network settings (or HTTPS_PROXY / HTTP_PROXY / NO_PROXY).`,
    );
  });
});
