import type { Agent, ClientRequest } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Redactor } from '../../redactor';
import { proxyRouteFor, type ProxySource } from './proxy';

/** How one websocket reaches its URL: direct, or tunnelled (CONNECT) through the proxy the HTTP layer would use. */
export interface WebSocketRoute {
  /** `host:port` of the proxy, for messages and logs; undefined when direct. */
  proxy?: string;
  /** ws's `agent` option; undefined when direct. */
  agent?: Agent;
  /**
   * The status the proxy answered CONNECT with, when it was not 200. https-proxy-agent then replays the proxy's
   * answer to ws, which reports it as the server's refused upgrade: this tells the two apart (a 403 from the proxy
   * is not a rejected token).
   */
  proxyRefusal(request: ClientRequest): number | undefined;
}

const DIRECT: WebSocketRoute = { proxyRefusal: () => undefined };

/**
 * The route for a ws:// or wss:// URL under the current proxy setting (proxyRouteFor decides, as for REST calls).
 * The proxy's password is registered with the redactor before anything is sent. Throws AppError('invalid_input')
 * when the proxy setting itself is not a usable address.
 */
export function websocketRoute(url: string, source: ProxySource | undefined, redactor: Redactor): WebSocketRoute {
  const route = proxyRouteFor(new URL(url), source);
  if (!route) return DIRECT;
  for (const secret of route.secrets) redactor.add(secret);
  // One agent per socket: a websocket is one long connection, there is nothing to pool.
  const agent = new HttpsProxyAgent(route.proxyUrl, { keepAlive: false });
  const refusals = new WeakMap<ClientRequest, number>();
  agent.on('proxyConnect', (answer: { statusCode: number }, request: ClientRequest) => {
    if (answer.statusCode !== 200) refusals.set(request, answer.statusCode);
  });
  return { proxy: route.display, agent, proxyRefusal: (request) => refusals.get(request) };
}
