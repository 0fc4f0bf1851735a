import { WebSocket } from 'ws';
import type { WebSocketRoute } from '../../http/websocket-proxy';

export interface TransportHooks {
  /** The Origin header (§4.1: the WhatsApp socket accepts only allow-listed origins); none when undefined. */
  origin?: string;
  handshakeTimeoutMs: number;
  /** How this attempt reaches the URL; read per attempt, so a reconnect follows a changed proxy setting. Direct when absent. */
  route?: (url: string) => WebSocketRoute;
  /**
   * The upgrade was answered with an HTTP status instead of 101: by the server (403 for a bad token or origin), or,
   * when `proxy` is set, by that proxy refusing the tunnel (407 for its credentials).
   */
  onRefused(refusal: { status: number; contentType: string | null; body: string; proxy?: string }): void;
  /** The connection failed or broke below HTTP (refused, reset, DNS, TLS, handshake timeout); `proxy` when it went through one. */
  onNetworkError(error: Error, proxy?: string): void;
}

/** The constructor phoenix.js calls for each connection attempt: `new transport(url, protocols)`. */
export type PhoenixTransport = new (url: string, protocols?: string | string[]) => WebSocket;

const MAX_BODY = 500;

/**
 * phoenix.js's `transport` option for Node: the `ws` WebSocket with the configured Origin and nothing else added
 * (no cookies, no credentials; the token travels only in the URL phoenix.js builds). A refused upgrade's status
 * and short body are read before the attempt is ended, so the session can tell a rejected token from a refused
 * origin; plain `ws` would only report "Unexpected server response".
 */
export function wsTransport(hooks: TransportHooks): PhoenixTransport {
  return class PhoenixWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      const route = hooks.route?.(url);
      super(url, protocols ?? [], {
        ...(hooks.origin ? { origin: hooks.origin } : {}),
        ...(route?.agent ? { agent: route.agent } : {}),
        handshakeTimeout: hooks.handshakeTimeoutMs,
        // A redirect would carry the token in the URL to another host.
        followRedirects: false,
        perMessageDeflate: false,
      });
      let refused = false;
      this.on('unexpected-response', (request, response) => {
        refused = true;
        const proxy = route?.proxy !== undefined && route.proxyRefusal(request) !== undefined ? route.proxy : undefined;
        let body = '';
        let reported = false;
        const report = () => {
          if (reported) return;
          reported = true;
          hooks.onRefused({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? null, body, ...(proxy ? { proxy } : {}) });
          // With a listener for 'unexpected-response', ws leaves ending the attempt to us.
          if (this.readyState === WebSocket.CONNECTING) this.terminate();
        };
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < MAX_BODY) body = (body + chunk).slice(0, MAX_BODY);
        });
        response.on('end', report);
        response.on('close', report);
        response.on('error', report);
      });
      // Errors after a refusal are ws reporting the attempt we ended ourselves.
      this.on('error', (error) => {
        if (!refused) hooks.onNetworkError(error, route?.proxy);
      });
    }
  };
}
