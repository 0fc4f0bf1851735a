import { z } from 'zod';
import { problem } from './field-problems';

/**
 * Provider URLs must be https/wss. Loopback hosts (the sandbox, or a local test server a user points an
 * account at) may use plain http/ws: traffic to them never leaves the machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

type UrlKind = 'http' | 'ws';
const SECURE: Record<UrlKind, string> = { http: 'https:', ws: 'wss:' };
const PLAIN: Record<UrlKind, string> = { http: 'http:', ws: 'ws:' };

/** Why a URL is not acceptable as a provider endpoint, or null when it is. */
export function providerUrlProblem(value: string, kind: UrlKind): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not_a_url';
  }
  if (url.username || url.password) return 'credentials_in_url';
  if (url.protocol === SECURE[kind]) return null;
  if (url.protocol === PLAIN[kind]) return isLoopbackHost(url.hostname) ? null : 'insecure_scheme';
  return 'wrong_scheme';
}

/** Each reason as a field problem; the reason itself stays in the issue's params (greenapi-lines reads it). */
function urlProblem(reason: string, kind: UrlKind) {
  const secure = `${SECURE[kind]}//`;
  const found =
    reason === 'credentials_in_url' ? problem('url_credentials')
    : reason === 'insecure_scheme' ? problem('url_insecure', { secure, plain: `${PLAIN[kind]}//` })
    : reason === 'wrong_scheme' ? problem('url_wrong_scheme', { secure })
    : problem('url_not_a_url');
  return { ...found, params: { ...found.params, reason } };
}

function providerUrl(kind: UrlKind) {
  return z
    .string()
    .trim()
    .max(2048)
    .superRefine((value, ctx) => {
      const reason = providerUrlProblem(value, kind);
      if (reason) ctx.addIssue({ code: 'custom', ...urlProblem(reason, kind) });
    })
    // A trailing slash would double up when paths are appended.
    .transform((value) => value.replace(/\/+$/, ''));
}

export const HttpUrlSchema = providerUrl('http');
export const WsUrlSchema = providerUrl('ws');
