import { setMaxListeners } from 'node:events';
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ProviderId } from '../../../shared/providers';
import type { Fault, FaultBoard } from './faults';

export interface SandboxRequest {
  method: string;
  url: URL;
  /** The path without a trailing slash (every provider here tolerates one). */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `http://127.0.0.1:<port>` of the server that got the request, for absolute links (Chatti's page URLs). */
  origin: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export type SandboxHandler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** How one provider speaks: its error envelope and how its request paths are logged. */
export interface ProviderWire {
  /** The provider's own error answer for a status, used by injected status faults without a body. */
  errorResponse(status: number): SandboxResponse;
  /** A JSON answer in the provider's serialisation and headers. */
  jsonResponse(status: number, value: unknown): SandboxResponse;
  /** The path as the request log keeps it: GREEN-API masks its token. */
  logPath?(pathWithQuery: string): string;
}

export interface RecordedRequest {
  provider: ProviderId;
  /** Which of the provider's servers: `rest`, `root`, `api`, `media` … */
  server: string;
  method: string;
  path: string;
  /** The terminal fault applied, if any. */
  fault?: Fault['kind'];
  /**
   * The HTTP status answered (101 for an accepted websocket upgrade); absent while the answer is pending, and for a
   * request that got none (a held or reset one). Tests read it to say "no 429 was drawn".
   */
  status?: number;
}

/** Every request the sandbox saw, for tests ("the server saw 2 requests") and the demo's activity view. */
export class RequestLog {
  private readonly entries: RecordedRequest[] = [];

  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
  }

  list(provider?: ProviderId): RecordedRequest[] {
    return provider ? this.entries.filter((entry) => entry.provider === provider) : [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}

export interface ProviderServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export const NGINX_PAGE = (status: number) => {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
};

/**
 * A real node:http server on 127.0.0.1 and a free port, serving one provider role. Injected faults are applied
 * here, in front of the provider's handler, so every provider gets the same fault behaviour. Sockets are
 * tracked so close() ends even while a "timeout" fault is holding a request open.
 */
export async function startProviderServer(options: {
  provider: ProviderId;
  server: string;
  handler: SandboxHandler;
  wire: ProviderWire;
  faults: FaultBoard;
  log: RequestLog;
  /** Websocket endpoints on the same port (Phoenix channels, GREEN-API's scanqrcode) take the upgrade here. */
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}): Promise<ProviderServer> {
  const { provider, handler, wire, faults, log } = options;
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  // Every held or delayed request listens for shutdown; many at once is normal here, not a leak.
  setMaxListeners(0, closing.signal);
  let origin = '';

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('sandbox handler failed');
      } else {
        res.destroy();
      }
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (options.onUpgrade) options.onUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const pathWithQuery = `${url.pathname}${url.search}`;
    const taken = faults.take(provider, method, pathWithQuery);
    const terminal = taken.find((fault) => fault.kind !== 'latency');
    const entry: RecordedRequest = {
      provider,
      server: options.server,
      method,
      path: wire.logPath ? wire.logPath(pathWithQuery) : pathWithQuery,
      ...(terminal ? { fault: terminal.kind } : {}),
    };
    log.record(entry);
    const send = (res: ServerResponse, answer: SandboxResponse) => {
      entry.status = answer.status;
      sendAnswer(res, answer);
    };

    for (const fault of taken) {
      if (fault.kind === 'latency' && !(await wait(fault.ms, closing.signal))) return;
    }

    const request: SandboxRequest = {
      method,
      url,
      path: url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname,
      headers: req.headers,
      body,
      origin,
    };

    switch (terminal?.kind) {
      case undefined:
        return send(res, await handler(request));
      case 'timeout':
        // Hold the request until the client gives up (its socket closes) or the sandbox closes.
        await new Promise<void>((resolve) => {
          const done = () => {
            closing.signal.removeEventListener('abort', done);
            req.socket.off('close', done);
            resolve();
          };
          closing.signal.addEventListener('abort', done, { once: true });
          req.socket.once('close', done);
        });
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'html': {
        const status = terminal.status ?? 502;
        return send(res, {
          status,
          headers: { Server: 'nginx', 'Content-Type': 'text/html' },
          body: NGINX_PAGE(status),
        });
      }
      case 'notJson':
        return send(res, {
          status: 200,
          headers: { 'Content-Type': terminal.contentType ?? 'text/plain; charset=utf-8' },
          body: terminal.body ?? 'Service is running\n',
        });
      case 'status': {
        const answer =
          terminal.body === undefined
            ? wire.errorResponse(terminal.status)
            : typeof terminal.body === 'string'
              ? { status: terminal.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: terminal.body }
              : wire.jsonResponse(terminal.status, terminal.body);
        const headers = { ...answer.headers, ...terminal.headers };
        if (terminal.retryAfter !== undefined) headers['Retry-After'] = String(terminal.retryAfter);
        return send(res, { ...answer, status: terminal.status, headers });
      }
      case 'truncated': {
        const answer = await handler(request);
        const full = Buffer.from(answer.body ?? '', 'utf8');
        const half = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
        if (terminal.mode === 'drop') {
          entry.status = answer.status;
          res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(full.length) });
          res.write(half, () => req.socket.destroy());
          return;
        }
        return send(res, { ...answer, body: half.toString('utf8') });
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function sendAnswer(res: ServerResponse, answer: SandboxResponse): void {
  if (res.destroyed) return;
  const body = answer.body ?? '';
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Chatti's documented request limit is 8 MB; nothing here needs more.
    if (size > 8 * 1024 * 1024) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves true after `ms`, or false as soon as the sandbox starts closing. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
