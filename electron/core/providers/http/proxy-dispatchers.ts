import { ProxyAgent } from 'undici';

/** Enough for the environment's two proxies and a setting changed a few times; older ones are closed. */
const MAX_KEPT = 6;
const dispatchers = new Map<string, ProxyAgent>();

/**
 * One undici ProxyAgent per proxy (its URL, credentials included), kept so connections to the proxy are reused.
 * Plain-http targets are forwarded in absolute form (`proxyTunnel: false`), the classic forward-proxy request;
 * https targets always tunnel with CONNECT, so the proxy sees only the host name, never the request or its token.
 */
export function proxyDispatcher(proxyUrl: URL): ProxyAgent {
  const key = proxyUrl.href;
  let agent = dispatchers.get(key);
  if (!agent) {
    agent = new ProxyAgent({ uri: `${proxyUrl.protocol}//${proxyUrl.host}`, proxyTunnel: false, ...basicToken(proxyUrl) });
    dispatchers.set(key, agent);
    for (const [oldKey, old] of dispatchers) {
      if (dispatchers.size <= MAX_KEPT) break;
      dispatchers.delete(oldKey);
      void old.close().catch(() => undefined);
    }
  }
  return agent;
}

/**
 * Proxy-Authorization from the URL's user and password. Given as a token rather than left in the URL: undici sends
 * URL credentials only when both parts are present, and a proxy user with an empty password is legitimate.
 */
function basicToken(url: URL): { token?: string } {
  if (!url.username && !url.password) return {};
  const pair = `${safeDecode(url.username)}:${safeDecode(url.password)}`;
  return { token: `Basic ${Buffer.from(pair).toString('base64')}` };
}

export function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Closes every proxy connection (app shutdown, tests). */
export async function closeProxyDispatchers(): Promise<void> {
  const agents = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(agents.map((agent) => agent.close()));
}
