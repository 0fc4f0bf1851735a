import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { Chat2DeskApi } from '../chat2desk/client';
import { capturingLogger, instantRetry } from '../test-support';
import { bypassed, closeProxyDispatchers, isLoopbackHost, proxyRouteFor, type ProxyConfig } from './proxy';

const env = (vars: Record<string, string>): ProxyConfig => ({ mode: 'environment', env: vars });
const route = (url: string, config: ProxyConfig) => proxyRouteFor(new URL(url), config)?.display;

describe('choosing a proxy', () => {
  it('reads HTTPS_PROXY for https and HTTP_PROXY for http, lower case first; never HTTP_PROXY for https', () => {
    const vars = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'http://plain:3' };
    expect(route('https://api.chat2desk.com/v1', env(vars))).toBe('lower:2');
    expect(route('http://api.example.com/', env(vars))).toBe('plain:3');
    expect(route('https://api.chat2desk.com/v1', env({ HTTP_PROXY: 'http://plain:3' }))).toBeUndefined();
    expect(route('https://api.chat2desk.com/v1', env({}))).toBeUndefined();
    // Environment values often have no scheme: http is meant.
    expect(route('https://api.chat2desk.com/v1', env({ HTTPS_PROXY: 'proxy.corp:3128' }))).toBe('proxy.corp:3128');
  });

  it('reads NO_PROXY as curl does: *, names with their subdomains, ports, IPs and CIDR ranges', () => {
    const no = (list: string, url: string) => bypassed(new URL(url), list);
    expect(no('*', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('chat2desk.com', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('.chat2desk.com', 'https://chat2desk.com/')).toBe(true);
    expect(no('*.chat2desk.com', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('desk.com', 'https://api.chat2desk.com/')).toBe(false);
    expect(no('other.org, api.chat2desk.com:443', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('api.chat2desk.com:8443', 'https://api.chat2desk.com/')).toBe(false);
    expect(no('10.0.0.0/8', 'https://10.20.30.40/')).toBe(true);
    expect(no('10.0.0.0/8', 'https://11.0.0.1/')).toBe(false);
    expect(no('192.168.1.5', 'https://192.168.1.5:9000/')).toBe(true);
    expect(no('[2001:db8::1]:443', 'https://[2001:db8::1]/')).toBe(true);
    const vars = { HTTPS_PROXY: 'http://p:1', no_proxy: 'green-api.com' };
    expect(route('https://7103.api.green-api.com/', env(vars))).toBeUndefined();
    expect(route('https://api.chat2desk.com/', env(vars))).toBe('p:1');
  });

  it('always sends loopback direct, even with an explicit proxy', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:127.0.0.1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(route(`http://${host}:8080/v1`, { mode: 'explicit', url: 'http://p:1' }), host).toBeUndefined();
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(route('https://api.chat2desk.com/', { mode: 'explicit', url: 'http://p:1', noProxy: 'chat2desk.com' })).toBeUndefined();
    expect(route('https://api.chat2desk.com/', { mode: 'direct' })).toBeUndefined();
  });

  it('keeps credentials out of the display and hands them to the redactor; a bad value is named, not echoed', () => {
    const chosen = proxyRouteFor(new URL('https://api.chat2desk.com/'), { mode: 'explicit', url: 'http://ops:s3cr%40t-pass@proxy.corp:8080' });
    expect(chosen?.display).toBe('proxy.corp:8080');
    expect(chosen?.secrets).toEqual(expect.arrayContaining(['ops', 's3cr@t-pass', 's3cr%40t-pass']));
    const bad = (() => {
      try {
        proxyRouteFor(new URL('https://api.chat2desk.com/'), env({ HTTPS_PROXY: 'socks9://user:hunter22@x:1' }));
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(bad).toBeInstanceOf(AppError);
    expect(bad!.code).toBe('invalid_input');
    expect(bad!.message).toContain('HTTPS_PROXY');
    expect(bad!.message).not.toContain('hunter22');
  });
});

/**
 * A tiny forward proxy on loopback: CONNECT tunnels and absolute-form requests. It plays the proxy's DNS too: every
 * host name it is asked for leads to `upstreamPort` on 127.0.0.1, so a request that reaches the sandbox by the name
 * `api.chat2desk.invalid` can only have come through it.
 */
interface TestProxy {
  url(credentials?: string): string;
  seen: { method: string; target: string; auth?: string }[];
  /** Answer CONNECT with this status instead of tunnelling. */
  refuseWith?: number;
  close(): Promise<void>;
}

async function startTestProxy(options: { upstreamPort: () => number; requireAuth?: string }): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const proxy: TestProxy = {
    url: (credentials) => `http://${credentials ? `${credentials}@` : ''}127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: [],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const authorised = (req: IncomingMessage) => {
    const auth = req.headers['proxy-authorization'];
    proxy.seen.push({ method: req.method!, target: req.url!, auth: auth ? Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString() : undefined });
    return !options.requireAuth || auth === `Basic ${Buffer.from(options.requireAuth).toString('base64')}`;
  };
  const server: Server = createServer((req, res) => {
    if (!authorised(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' });
      return res.end();
    }
    const target = new URL(req.url!);
    const upstream = connect(options.upstreamPort(), '127.0.0.1', () => {
      const headers = Object.entries(req.headers)
        .filter(([name]) => !/^proxy-/i.test(name))
        .map(([name, value]) => `${name}: ${String(value)}\r\n`)
        .join('');
      upstream.write(`${req.method} ${target.pathname}${target.search} HTTP/1.1\r\n${headers}connection: close\r\n\r\n`);
      req.pipe(upstream);
      upstream.pipe(res.socket!);
    });
    upstream.on('error', () => res.socket?.destroy());
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    if (!authorised(req)) return client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
    if (proxy.refuseWith) return client.end(`HTTP/1.1 ${proxy.refuseWith} Refused\r\n\r\n`);
    const upstream = connect(options.upstreamPort(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return proxy;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('calls through a real proxy on loopback', () => {
  let sandbox: Sandbox;
  let proxy: TestProxy;
  let upstreamPort = 0;
  const sandboxPort = () => Number(new URL(sandbox.urls.chat2desk.baseUrl).port);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11 });
    proxy = await startTestProxy({ upstreamPort: () => upstreamPort, requireAuth: 'ops:proxy-pass-123' });
  });
  afterAll(async () => {
    await closeProxyDispatchers();
    await proxy.close();
    await sandbox.close();
  });
  beforeEach(() => {
    upstreamPort = sandboxPort();
    proxy.seen.length = 0;
    proxy.refuseWith = undefined;
    sandbox.requests.clear();
  });

  const chat2desk = (baseUrl: string, proxyConfig: ProxyConfig, logger = capturingLogger()) =>
    new Chat2DeskApi(
      { baseUrl, apiToken: sandbox.demo.chat2desk.apiToken },
      { redactor: new Redactor(), timeoutMs: 3000, retry: instantRetry().retry, proxy: proxyConfig, logger },
    );
  const viaName = () => `http://api.chat2desk.invalid:${sandboxPort()}`;

  it('HTTP_PROXY: an http call is forwarded by the proxy, with its credentials, and reaches the sandbox', async () => {
    const logger = capturingLogger();
    const info = await chat2desk(viaName(), env({ HTTP_PROXY: proxy.url('ops:proxy-pass-123') }), logger).getApiInfo();
    expect(info.companyId).toBe(sandbox.state.chat2desk.company.companyId);
    expect(proxy.seen).toEqual([{ method: 'GET', target: `${viaName()}/v1/companies/api_info`, auth: 'ops:proxy-pass-123' }]);
    expect(sandbox.requests.list('chat2desk').map((r) => r.path)).toEqual(['/v1/companies/api_info']);
    expect(logger.lines.join('\n')).toContain(`"proxy":"127.0.0.1:${new URL(proxy.url()).port}"`);
    expect(logger.lines.join('\n')).not.toContain('proxy-pass-123');
  });

  it('HTTPS_PROXY: an https call tunnels with CONNECT and TLS runs end to end with the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-proxy-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.chat2desk.invalid',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      upstreamPort = (tls.address() as AddressInfo).port;
      const error = await failure(
        chat2desk(`https://api.chat2desk.invalid:${upstreamPort}`, env({ https_proxy: proxy.url('ops:proxy-pass-123') })).getApiInfo(),
      );
      // The self-signed certificate is the target's: the handshake happened inside the tunnel.
      expect(error.code).toBe('tls_error');
      expect(error.message).toContain(`through the proxy at 127.0.0.1:${new URL(proxy.url()).port}`);
      expect(proxy.seen[0]).toEqual({ method: 'CONNECT', target: `api.chat2desk.invalid:${upstreamPort}`, auth: 'ops:proxy-pass-123' });
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('NO_PROXY and loopback go direct: the proxy sees nothing', async () => {
    const vars = { HTTP_PROXY: proxy.url('ops:proxy-pass-123'), NO_PROXY: 'chat2desk.invalid' };
    // Direct, the made-up name cannot be resolved: proof that the proxy was not asked.
    expect((await failure(chat2desk(viaName(), env(vars)).getApiInfo())).code).toBe('host_not_found');
    await chat2desk(sandbox.urls.chat2desk.baseUrl, { mode: 'explicit', url: proxy.url('ops:proxy-pass-123') }).getApiInfo();
    expect(proxy.seen).toEqual([]);
    expect(sandbox.requests.list('chat2desk')).toHaveLength(1);
  });

  it('the explicit app setting wins over the environment', async () => {
    const settings: ProxyConfig = { mode: 'explicit', url: proxy.url('ops:proxy-pass-123') };
    await chat2desk(viaName(), settings).listChannels({ limit: 1 });
    expect(proxy.seen.map((entry) => entry.target)).toEqual([`${viaName()}/v1/channels?limit=1`]);
  });

  it('wrong proxy credentials → a 407 message naming the proxy, never the password', async () => {
    const logger = capturingLogger();
    const error = await failure(chat2desk(viaName(), env({ HTTP_PROXY: proxy.url('ops:wrong-pass-456') }), logger).getApiInfo());
    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/^The proxy at 127\.0\.0\.1:\d+ did not accept Switchboard's proxy credentials \(407\) while reading the API limits on api\.chat2desk\.invalid:\d+ \(Chat2Desk\)/);
    const everything = [error.message, JSON.stringify(error.details), ...logger.lines].join('\n');
    expect(everything).not.toContain('wrong-pass-456');
    expect(sandbox.requests.list('chat2desk')).toEqual([]);
  });

  it('a proxy that refuses the tunnel → names the proxy and the status', async () => {
    proxy.refuseWith = 403;
    const error = await failure(chat2desk(`https://api.chat2desk.invalid`, env({ HTTPS_PROXY: proxy.url('ops:proxy-pass-123') })).getApiInfo());
    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/^The proxy at 127\.0\.0\.1:\d+ refused to carry the request to api\.chat2desk\.invalid \(403\)/);
  });

  it('a proxy port that refuses connections → connection_refused naming the proxy', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const error = await failure(chat2desk('https://api.chat2desk.invalid', env({ HTTPS_PROXY: `http://ops:proxy-pass-123@127.0.0.1:${port}` })).getApiInfo());
    expect(error.code).toBe('connection_refused');
    expect(error.message).toBe(
      `The proxy at 127.0.0.1:${port} refused the connection while reading the API limits on api.chat2desk.invalid (Chat2Desk). Check the proxy setting (the app settings, or HTTPS_PROXY / HTTP_PROXY / NO_PROXY).`,
    );
  });
});
