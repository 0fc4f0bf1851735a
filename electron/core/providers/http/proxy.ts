import type { Dispatcher } from 'undici';
import { AppError } from '../../app-error';
import { bypassed, isLoopbackHost, readBypassList } from './no-proxy';
import { proxyDispatcher, safeDecode } from './proxy-dispatchers';

export { bypassed, isLoopbackHost } from './no-proxy';
export { closeProxyDispatchers } from './proxy-dispatchers';

/**
 * Where provider traffic goes. Corporate networks often allow HTTPS out only through a proxy; the console reads the
 * usual variables, or takes one proxy from the app settings.
 */
export type ProxyConfig =
  /** `HTTPS_PROXY`/`https_proxy` for https, `HTTP_PROXY`/`http_proxy` for http, `NO_PROXY`/`no_proxy` (default: process.env). */
  | { mode: 'environment'; env?: Readonly<Record<string, string | undefined>> }
  /**
   * The app setting: one proxy for every provider call, with its own bypass list in NO_PROXY syntax (plus
   * `<-loopback>`, see shared/network-settings.ts). `username`/`password`, when given, replace any in the URL.
   */
  | { mode: 'explicit'; url: string; username?: string; password?: string; noProxy?: string }
  | { mode: 'direct' };

/**
 * The setting as it is now. A function is read on every call and every socket, so a changed setting applies to the
 * next call without a restart (and without rebuilding the clients that hold it).
 */
export type ProxySource = ProxyConfig | (() => ProxyConfig);

/** A call that goes through a proxy. */
export interface ProxyRoute {
  /** `host:port` of the proxy: what messages and logs may name (never the credentials). */
  display: string;
  /** The proxy's password (and a user name that came inside a URL), for the redactor. */
  secrets: string[];
  /** The proxy with its credentials, to build agents from: never put in a message or a log line. */
  proxyUrl: URL;
  /** The undici dispatcher for fetch (made on first use: websockets take their own agent). */
  readonly dispatcher: Dispatcher;
}

const ENVIRONMENT: ProxyConfig = { mode: 'environment' };

/**
 * The one place that decides whether a request or a websocket to `target` goes through a proxy, and which: the app
 * setting when it names one, else the environment. Loopback targets (the sandbox, a local test server) go direct
 * unless the setting's bypass list says `<-loopback>`. ws: and wss: targets follow http: and https:.
 */
export function proxyRouteFor(target: URL, source: ProxySource = ENVIRONMENT): ProxyRoute | undefined {
  const config = typeof source === 'function' ? source() : source;
  if (config.mode === 'direct') return undefined;
  const web = asHttp(target);
  const chosen = chooseProxy(web, config);
  if (!chosen || !chosen.value.trim()) return undefined;
  const bypass = readBypassList(chosen.noProxy);
  if (isLoopbackHost(web.hostname) && !(config.mode === 'explicit' && bypass.loopbackThroughProxy)) return undefined;
  if (bypassed(web, bypass.entries)) return undefined;
  const url = parseProxyUrl(chosen.value, chosen.source);
  const secrets = [url.username, url.password].flatMap((part) => (part ? [part, safeDecode(part)] : []));
  if (config.mode === 'explicit' && config.username) {
    // Encoded here because the URL setters leave `%` alone, and both agents decode what they read back.
    url.username = encodeURIComponent(config.username);
    url.password = encodeURIComponent(config.password ?? '');
    if (config.password) secrets.push(config.password, url.password);
  }
  return {
    display: url.host,
    secrets,
    proxyUrl: url,
    get dispatcher() {
      return proxyDispatcher(url);
    },
  };
}

function asHttp(target: URL): URL {
  if (target.protocol !== 'ws:' && target.protocol !== 'wss:') return target;
  const copy = new URL(target.href);
  copy.protocol = target.protocol === 'wss:' ? 'https:' : 'http:';
  return copy;
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

/** `host:port` of the proxy each environment variable names, for the Network settings (never its credentials). */
export function environmentProxies(env: Readonly<Record<string, string | undefined>> = process.env) {
  const display = (target: string) => {
    try {
      return proxyRouteFor(new URL(target), { mode: 'environment', env: { ...env, no_proxy: '', NO_PROXY: '' } })?.display ?? null;
    } catch {
      return null;
    }
  };
  return { httpsProxy: display('https://example.com/'), httpProxy: display('http://example.com/'), noProxy: env.no_proxy ?? env.NO_PROXY ?? '' };
}
