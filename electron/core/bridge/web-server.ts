import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch, SenderVerdict } from './dispatcher';
import type { Logger } from '../log';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
const MAX_BODY = 2 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  emit(name: string, payload: unknown): void;
  close(): Promise<void>;
}

/**
 * Web mode's transport: the renderer's static files plus the contract over loopback HTTP. Bound to 127.0.0.1
 * only; every call needs the per-run token; the Host and Origin headers must name this server, which stops
 * DNS-rebinding pages and other local sites from driving the core.
 */
export async function startWebServer(options: {
  dispatch: Dispatch;
  staticDir: string;
  port: number;
  log: Logger;
}): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let origin = '';

  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const verdict = (req: IncomingMessage, candidate: string | null | undefined): SenderVerdict => {
    if (req.headers.host !== new URL(origin).host) return { trusted: false, reason: 'foreign Host header' };
    if (req.headers.origin && req.headers.origin !== origin) return { trusted: false, reason: 'foreign Origin' };
    if (!tokenMatches(candidate)) return { trusted: false, reason: 'missing or wrong token' };
    return { trusted: true };
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) return void handleCall(req, res, url);
    if (req.method === 'GET' && url.pathname === '/events') return handleEvents(req, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, url.pathname);
    res.writeHead(405).end();
  });

  async function handleCall(req: IncomingMessage, res: ServerResponse, url: URL) {
    const name = decodeURIComponent(url.pathname.slice('/rpc/'.length));
    const sender = verdict(req, req.headers['x-switchboard-token'] as string | undefined);
    // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return void res.writeHead(415).end();
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || '{}');
    } catch {
      body = Symbol('unparseable');
    }
    const result = await options.dispatch(name, body, sender);
    res.writeHead(sender.trusted ? 200 : 403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!verdict(req, url.searchParams.get('token')).trusted) return void res.writeHead(403).end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  function serveStatic(res: ServerResponse, pathname: string) {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(options.staticDir, relative || 'index.html');
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir) return void res.writeHead(404).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(options.staticDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The renderer is not built. Run `npm run web`, which builds it first.');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      // The same policy the Electron window enforces; connect-src 'self' lets the page reach this server only.
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options.log.info('web mode listening', { origin });

  return {
    url: origin,
    token,
    emit(name, payload) {
      const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
