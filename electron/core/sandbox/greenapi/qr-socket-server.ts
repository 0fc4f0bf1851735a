import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import { STALE_AUTH_MESSAGE } from '../../providers/greenapi/qr-schemas';
import type { RequestLog } from '../http-server';
import type { GreenApiEngine } from './engine';
import { LINKED_STATES } from './method-table';
import { QrImages } from './qr-images';
import { lifecycleRefusal, safeDecode, STARTING } from './router';
import type { GreenApiWire } from './wire';
import type { GreenApiInstanceRecord } from './world';

/**
 * The scanqrcode websocket (specs/greenapi.md §2.8, §14.9) on the same port as the REST routes: `{type, message}`
 * frames — a `qrCode` at once and a new one every refresh period, `accountData` after a scan (payload a doc-gap:
 * `{wid, phone}` here), `alreadyLogged` when linked, `timeout` after the scan window, `error` otherwise. Auth failures
 * are answered before the upgrade with the REST statuses (401 token, 403 idInstance, 404 path).
 */
export function qrSocketEndpoint(engine: GreenApiEngine, wire: GreenApiWire, log: RequestLog, server: string) {
  const sockets = new WebSocketServer({ noServer: true });

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    log.record({ provider: 'greenapi', server, method: 'GET', path: wire.logPath?.(`${url.pathname}${url.search}`) ?? url.pathname });
    const match = /^\/waInstance([^/]*)\/scanqrcode\/([^/]+)\/?$/i.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const instance = /^\d+$/.test(match[1]!) ? engine.find(match[1]!) : undefined;
    if (!instance) return refuse(socket, 403, 'Forbidden');
    if (safeDecode(match[2]!) !== instance.apiTokenInstance) return refuse(socket, 401, 'Unauthorized');
    const lifecycle = instance.lifecycle !== 'active' ? lifecycleRefusal(instance, 'any') : undefined;
    if (lifecycle) return refuse(socket, 400, lifecycle);
    if (engine.world.enforceRateLimits && !engine.rates.admit(instance.idInstance, 'scanQrCode', engine.now())) {
      return refuse(socket, 429, 'Too Many Requests');
    }
    sockets.handleUpgrade(req, socket, head, (ws) => runSession(engine, instance, ws));
  };

  return {
    handleUpgrade,
    close: () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}

function runSession(engine: GreenApiEngine, instance: GreenApiInstanceRecord, ws: WebSocket): void {
  const send = (type: string, message: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type, message }));
  };
  const finish = (type: string, message: unknown) => {
    send(type, message);
    ws.close(1000);
  };
  if (instance.state === null || instance.state === 'starting') return finish('error', STARTING);
  if (LINKED_STATES.has(instance.state)) return finish('alreadyLogged', 'instance account already authorized');
  if (instance.staleAuth) return finish('error', STALE_AUTH_MESSAGE);

  const runtime = engine.runtime(instance);
  const { qrRefreshMs, qrSocketTimeoutMs } = engine.world.timings;
  let ended = false;
  let cancelRotation = () => {};
  const end = () => {
    ended = true;
    cancelRotation();
    cancelTimeout();
    runtime.qrWaiters.delete(waiter);
  };
  const pushCode = async () => {
    const epoch = runtime.qrEpoch;
    const index = QrImages.index(engine.now(), epoch, qrRefreshMs);
    const image = await runtime.qr.image(instance.idInstance, epoch, index);
    if (ended) return;
    send('qrCode', image);
    cancelRotation = engine.agenda.at(epoch + (index + 1) * qrRefreshMs, () => void pushCode());
  };
  const waiter = {
    authorized: () => {
      end();
      finish('accountData', { wid: engine.wid(instance), phone: instance.phone });
    },
    drop: () => {
      end();
      ws.terminate();
    },
  };
  // §2.8: "the scan timeout is 100 seconds", counted from the connection.
  const cancelTimeout = engine.agenda.after(qrSocketTimeoutMs, () => {
    end();
    finish('timeout', 'timeout');
  });
  runtime.qrWaiters.add(waiter);
  ws.on('close', end);
  void pushCode();
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
