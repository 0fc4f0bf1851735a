import { request } from 'undici';
import { AppError } from '../../../app-error';
import type { Logger } from '../../../log';
import { DEFAULT_TIMEOUT_MS, proxyRouteFor, type ProviderDialect, type ProxySource } from '../../../providers/http';
import { errorFromNetwork, type CallContext } from '../../../providers/http/error-mapping';
import type { Redactor } from '../../../redactor';

export type HeaderLines = [name: string, value: string][];

export type ExactExchange = {
  /** Every header line of the request, in the order written. */
  sent: HeaderLines;
  status: number;
  headers: HeaderLines;
  /** The start of the answer, at most `maxChars` characters, and whether there was more. */
  text: string;
  truncated: boolean;
  latencyMs: number;
};

/**
 * One POST whose header lines are exactly the list it returns. Node's fetch adds its own (user-agent: node,
 * accept: *\/*, accept-language: *, sec-fetch-mode: cors, accept-encoding: gzip, deflate) and cannot be told to
 * leave sec-fetch-mode out; undici's request API adds only what HTTP/1.1 needs and writes it in a fixed order: host,
 * connection (close: the tester keeps no connection to the receiver open), the headers given, content-length.
 * Timeout, proxy and the network-error codes are those of every provider call (providers/http). Redirects are not
 * followed, as providers' webhook senders do not follow them either.
 */
export async function postExactly(args: {
  url: string;
  headers: HeaderLines;
  body: string;
  dialect: ProviderDialect;
  action: string;
  redactor: Redactor;
  log: Logger;
  maxChars: number;
  timeoutMs?: number;
  /** The app's proxy setting (read now); absent: the environment's. */
  proxy?: ProxySource | undefined;
}): Promise<ExactExchange> {
  const url = new URL(args.url);
  const route = proxyRouteFor(url, args.proxy);
  for (const secret of route?.secrets ?? []) args.redactor.add(secret);
  const ctx: CallContext = {
    dialect: args.dialect,
    operation: 'webhookTester',
    action: args.action,
    host: url.host,
    redactor: args.redactor,
    timeoutMs: args.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    proxy: route?.display,
    // The receiver may have handled a sample whose answer was lost.
    write: true,
  };
  const body = Buffer.from(args.body, 'utf8');
  const sent: HeaderLines = [['host', url.host], ['connection', 'close'], ...args.headers, ['content-length', String(body.byteLength)]];
  const logFields = { provider: args.dialect.provider, operation: ctx.operation, method: 'POST', host: url.host, ...(route ? { proxy: route.display } : {}) };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
  const started = performance.now();
  try {
    const response = await request(url, {
      method: 'POST',
      headers: args.headers.flat(),
      body,
      reset: true,
      signal: controller.signal,
      ...(route ? { dispatcher: route.dispatcher } : {}),
    });
    const answer = await readStart(response.body, args.maxChars);
    const latencyMs = Math.round(performance.now() - started);
    args.log.debug('provider call', { ...logFields, status: response.statusCode, ms: latencyMs });
    return { sent, status: response.statusCode, headers: headerLines(response.headers), ...answer, latencyMs };
  } catch (error) {
    const failure = error instanceof AppError ? error : errorFromNetwork(ctx, error, controller.signal.aborted ? 'timeout' : undefined);
    args.log.warn('provider call failed', { ...logFields, ms: Math.round(performance.now() - started), code: failure.code });
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

/** The first `maxChars` characters of a body; the rest is not kept (a tester needs the start of an error page). */
async function readStart(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxChars: number): Promise<{ text: string; truncated: boolean }> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length > maxChars) {
      body.destroy();
      return { text: text.slice(0, maxChars), truncated: true };
    }
  }
  text += decoder.decode();
  return text.length > maxChars ? { text: text.slice(0, maxChars), truncated: true } : { text, truncated: false };
}

/** undici's header object (names lower-cased, repeats as arrays) as lines, in the order they arrived. */
function headerLines(headers: Record<string, string | string[] | undefined>): HeaderLines {
  return Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one])));
}
