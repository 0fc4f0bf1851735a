import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * Test support: a real forward proxy on loopback, as corporate proxies behave. It opens CONNECT tunnels (https and
 * every websocket) and forwards absolute-form requests (plain http), optionally requiring Basic Proxy-Authorization.
 * It plays the proxy's DNS too: whatever host it is asked for, it connects to that port on 127.0.0.1, so a request
 * that reaches the sandbox by a made-up name (`api.chat2desk.invalid:<sandbox port>`) can only have come through it.
 */
export interface TestProxy {
  /** `http://[credentials@]127.0.0.1:<port>` */
  url(credentials?: string): string;
  /** `127.0.0.1:<port>`: what Switchboard names the proxy in messages. */
  readonly display: string;
  /** Every request and CONNECT, in order, with the Proxy-Authorization it carried (decoded). */
  readonly seen: { method: string; target: string; auth?: string }[];
  /** CONNECT tunnels this proxy opened (200 sent). */
  tunnels: number;
  /** Answer CONNECT with this status instead of tunnelling. */
  refuseWith?: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startTestProxy(options: { requireAuth?: string } = {}): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const port = () => (server.address() as AddressInfo).port;
  const proxy: TestProxy = {
    url: (credentials) => `http://${credentials ? `${credentials}@` : ''}127.0.0.1:${port()}`,
    get display() {
      return `127.0.0.1:${port()}`;
    },
    seen: [],
    tunnels: 0,
    reset() {
      proxy.seen.length = 0;
      proxy.tunnels = 0;
      proxy.refuseWith = undefined;
    },
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
  const upstreamPort = (hostAndPort: string, fallback: number) => {
    const match = /:(\d+)$/.exec(hostAndPort);
    return match ? Number(match[1]) : fallback;
  };

  const server: Server = createServer((req, res) => {
    if (!authorised(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' });
      return res.end();
    }
    const target = new URL(req.url!);
    const upstream = connect(upstreamPort(target.host, 80), '127.0.0.1', () => {
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
    if (!authorised(req)) return client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
    if (proxy.refuseWith) return client.end(`HTTP/1.1 ${proxy.refuseWith} Refused\r\nContent-Length: 0\r\n\r\n`);
    const upstream = connect(upstreamPort(req.url!, 443), '127.0.0.1', () => {
      proxy.tunnels++;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return proxy;
}
