import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import { STALE_AUTH_MESSAGE } from '../../providers/greenapi/qr-schemas';
import type { SandboxContext } from '../clock';
import { upgradeWithFaults, writeUpgradeAnswer } from '../upgrade-faults';
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
 * are answered before the upgrade with the REST statuses (401 token, 403 idInstance, 404 path), and so is the §8.2
 * rate (scanQrCode: 1 per second per instance) when enforced. Injected faults apply to the upgrade request as to a
 * REST call (matched on the path with its token, like the REST routes; logged masked).
 */
export function qrSocketEndpoint(engine: GreenApiEngine, wire: GreenApiWire, context: Pick<SandboxContext, 'faults' | 'log'>, server: string) {
  const sockets = new WebSocketServer({ noServer: true });

  const accept = (url: URL, req: IncomingMessage, socket: Duplex, head: Buffer, answered: (status: number) => void) => {
    const refuse = (status: number, text: string, headers: Record<string, string> = {}) => {
      answered(status);
      writeUpgradeAnswer(socket, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: text });
    };
    const match = /^\/waInstance([^/]*)\/scanqrcode\/([^/]+)\/?$/i.exec(url.pathname);
    if (!match) return refuse(404, 'Not Found');
    const instance = /^\d+$/.test(match[1]!) ? engine.find(match[1]!) : undefined;
    if (!instance) return refuse(403, 'Forbidden');
    if (safeDecode(match[2]!) !== instance.apiTokenInstance) return refuse(401, 'Unauthorized');
    const lifecycle = instance.lifecycle !== 'active' ? lifecycleRefusal(instance, 'any') : undefined;
    if (lifecycle) return refuse(400, lifecycle);
    if (engine.world.enforceRateLimits && !engine.rates.admit(instance.idInstance, 'scanQrCode', engine.now())) {
      // doc-gap: no Retry-After is documented; one second is what the per-second limit implies (as the REST routes).
      return refuse(429, 'Too Many Requests', { 'Retry-After': '1' });
    }
    answered(101);
    sockets.handleUpgrade(req, socket, head, (ws) => runSession(engine, instance, ws));
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const pathWithQuery = `${url.pathname}${url.search}`;
    upgradeWithFaults({
      provider: 'greenapi',
      server,
      faults: context.faults,
      log: context.log,
      matchPath: pathWithQuery,
      logPath: wire.logPath?.(pathWithQuery) ?? url.pathname,
      wire,
      socket,
      accept: (answered) => accept(url, req, socket, head, answered),
    });
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
