import { BlockList, isIP } from 'node:net';
import { ProxyAgent, type Dispatcher } from 'undici';
import { AppError } from '../../app-error';

/**
 * Where provider traffic goes. Corporate networks often allow HTTPS out only through a proxy; the console reads the
 * usual variables, or takes one proxy from the app settings.
 */
export type ProxyConfig =
  /** `HTTPS_PROXY`/`https_proxy` for https, `HTTP_PROXY`/`http_proxy` for http, `NO_PROXY`/`no_proxy` (default: process.env). */
  | { mode: 'environment'; env?: Readonly<Record<string, string | undefined>> }
  /** The app setting: one proxy for every provider call, with its own bypass list in NO_PROXY syntax. */
  | { mode: 'explicit'; url: string; noProxy?: string }
  | { mode: 'direct' };

/** A call that goes through a proxy. */
export interface ProxyRoute {
  /** `host:port` of the proxy: what messages and logs may name (never the credentials). */
  display: string;
  /** The proxy's user name and password, for the redactor. */
  secrets: string[];
  dispatcher: Dispatcher;
}

const ENVIRONMENT: ProxyConfig = { mode: 'environment' };

/**
 * The proxy for one request, or undefined for a direct connection. Loopback targets (the sandbox, a local test
 * server) always go direct: a proxy elsewhere cannot reach this computer's 127.0.0.1.
 */
export function proxyRouteFor(target: URL, config: ProxyConfig = ENVIRONMENT): ProxyRoute | undefined {
  if (config.mode === 'direct' || isLoopbackHost(target.hostname)) return undefined;
  const chosen = chooseProxy(target, config);
  if (!chosen || !chosen.value.trim() || bypassed(target, chosen.noProxy)) return undefined;
  const url = parseProxyUrl(chosen.value, chosen.source);
  const secrets = [url.username, url.password].flatMap((part) => (part ? [part, safeDecode(part)] : []));
  return { display: url.host, secrets, dispatcher: dispatcherFor(url) };
}

function chooseProxy(target: URL, config: Exclude<ProxyConfig, { mode: 'direct' }>) {
  if (config.mode === 'explicit') return { value: config.url, source: 'the proxy setting', noProxy: config.noProxy ?? '' };
  const env = config.env ?? process.env;
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  // Lower case first, as curl does; HTTP_PROXY is read only for plain-http targets (httpoxy, CVE-2016-5385, is a
  // CGI problem, and this is no CGI, but an https call must never fall back to it).
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((candidate) => env[candidate]?.trim());
  return name ? { value: env[name]!, source: name, noProxy } : undefined;
}

/** `proxy.corp:3128` (no scheme, as environment variables often are) means http://proxy.corp:3128. */
function parseProxyUrl(value: string, source: string): URL {
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    // The value is not repeated: it may carry a password.
    throw new AppError('invalid_input', `The proxy in ${source} is not a valid http:// or https:// proxy address. Correct it, or remove it to connect directly.`);
  }
  return url;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname.toLowerCase()).replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * NO_PROXY as curl reads it: `*` for everything; comma- or space-separated host names that match themselves and
 * their subdomains (a leading `.` or `*.` changes nothing); IP addresses and CIDR ranges; an optional `:port`.
 */
export function bypassed(target: URL, noProxy: string): boolean {
  const host = unbracket(target.hostname.toLowerCase()).replace(/\.$/, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.toLowerCase().split(/[\s,]+/)) {
    if (!raw) continue;
    if (raw === '*') return true;
    const { name, entryPort } = splitPort(raw);
    if (entryPort && entryPort !== port) continue;
    if (matchesAddress(host, name)) return true;
    const domain = name.replace(/^\*?\.+/, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function matchesAddress(host: string, entry: string): boolean {
  const family = isIP(host);
  if (!family) return false;
  const [address, bits] = entry.split('/');
  const entryFamily = isIP(address ?? '');
  if (entryFamily !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  if (bits === undefined) list.addAddress(address!, type);
  else if (/^\d+$/.test(bits)) list.addSubnet(address!, Number(bits), type);
  else return false;
  return list.check(host, type);
}

function splitPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] };
  const match = /^([^:]+):(\d+)$/.exec(entry);
  return match ? { name: match[1]!, entryPort: match[2] } : { name: entry };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

const dispatchers = new Map<string, ProxyAgent>();

/**
 * One ProxyAgent per proxy, kept for the life of the process so connections to the proxy are reused. Plain-http
 * targets are forwarded in absolute form (`proxyTunnel: false`), the classic forward-proxy request; https targets
 * always tunnel with CONNECT, so the proxy sees only the host name, never the request or its token.
 */
function dispatcherFor(url: URL): ProxyAgent {
  let agent = dispatchers.get(url.href);
  if (!agent) {
    agent = new ProxyAgent({ uri: url.href, proxyTunnel: false });
    dispatchers.set(url.href, agent);
  }
  return agent;
}

/** Closes every proxy connection (app shutdown, tests). */
export async function closeProxyDispatchers(): Promise<void> {
  const agents = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(agents.map((agent) => agent.close()));
}
