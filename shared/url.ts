import { z } from 'zod';

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

const URL_MESSAGES: Record<string, (kind: UrlKind) => string> = {
  not_a_url: () => 'Not a valid URL',
  credentials_in_url: () => 'Remove the user name and password from the URL',
  insecure_scheme: (k) => `Use ${SECURE[k]}// (plain ${PLAIN[k]}// is allowed only for loopback addresses)`,
  wrong_scheme: (k) => `The URL must start with ${SECURE[k]}//`,
};

function providerUrl(kind: UrlKind) {
  return z
    .string()
    .trim()
    .max(2048)
    .superRefine((value, ctx) => {
      const problem = providerUrlProblem(value, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: URL_MESSAGES[problem]!(kind), params: { reason: problem } });
    })
    // A trailing slash would double up when paths are appended.
    .transform((value) => value.replace(/\/+$/, ''));
}

export const HttpUrlSchema = providerUrl('http');
export const WsUrlSchema = providerUrl('ws');
