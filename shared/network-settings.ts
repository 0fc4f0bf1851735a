import { z } from 'zod';
import { AccountIdSchema, ConnectionTestResultSchema, MaskedSecretSchema } from './accounts';
import { problem } from './field-problems';

/**
 * The console's own network setting: how provider traffic (REST calls and the QR/Telegram websockets) leaves this
 * computer. The password lives in the vault; everything else here is plain settings.
 */

/**
 * Chromium's bypass-list token (Chrome's and Electron's proxy rules use the same one): loopback addresses go
 * through the proxy too. Without it loopback always goes direct: a proxy elsewhere cannot reach this computer's
 * 127.0.0.1. It is for a proxy on this computer (a debugging proxy, a local relay such as cntlm).
 */
export const PROXY_LOOPBACK_OPT_IN = '<-loopback>';

/** `environment`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY decide (the default); `manual`: the proxy below; `direct`: none. */
export const ProxyModeSchema = z.enum(['environment', 'manual', 'direct']);
export type ProxyMode = z.infer<typeof ProxyModeSchema>;

/** `proxy.corp:3128` without a scheme means http://, as HTTPS_PROXY values do. */
const withScheme = (value: string) => (value && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? `http://${value}` : value);

function proxyUrlProblem(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem('proxy_url');
  }
  if (url.username || url.password) return problem('url_credentials');
  const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname && bare ? null : problem('proxy_url');
}

/** '' or an http(s) proxy address; stored as its origin (`http://proxy.corp:3128`). */
const ProxyUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform(withScheme)
  .superRefine((value, ctx) => {
    const found = value ? proxyUrlProblem(value) : null;
    if (found) ctx.addIssue({ code: 'custom', ...found });
  })
  // Only reached when the address passed: a refinement's issue stops the pipe before this step.
  .transform((value) => (value ? new URL(value).origin : ''));

/** RFC 7617: the user-id of Basic authentication cannot contain a colon. */
const ProxyUserSchema = z
  .string()
  .trim()
  .max(256)
  .refine((value) => !value.includes(':'), problem('proxy_user_colon'));

const HOST_NAME = /^(\*\.|\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?(:\d{1,5})?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/(3[0-2]|[12]?\d)|:\d{1,5})?$/;
const IPV6 = /^(\[[0-9a-f:.]*:[0-9a-f:.]*\](:\d{1,5})?|[0-9a-f:.]*:[0-9a-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?)$/i;

/** One NO_PROXY entry the console understands: `*`, a host or domain, an IP address or range, an optional port. */
export function isBypassEntry(entry: string): boolean {
  const lower = entry.toLowerCase();
  return lower === '*' || lower === PROXY_LOOPBACK_OPT_IN || IPV4.test(lower) || IPV6.test(lower) || HOST_NAME.test(lower);
}

/** NO_PROXY syntax: entries separated by commas or spaces. */
const BypassSchema = z
  .string()
  .trim()
  .max(4096)
  .superRefine((value, ctx) => {
    const wrong = value.split(/[\s,]+/).find((entry) => entry && !isBypassEntry(entry));
    if (wrong) ctx.addIssue({ code: 'custom', ...problem('proxy_bypass_entry', { entry: wrong.slice(0, 80) }) });
  })
  .transform((value) => value.split(/[\s,]+/).filter(Boolean).join(', '));

const proxyShape = { mode: ProxyModeSchema, url: ProxyUrlSchema, username: ProxyUserSchema, bypass: BypassSchema };

/** A manual proxy needs its address; the address is kept when another mode is chosen, so switching back is one click. */
const needsUrl = (value: { mode: ProxyMode; url: string }, ctx: z.RefinementCtx) => {
  if (value.mode === 'manual' && !value.url) ctx.addIssue({ code: 'custom', path: ['url'], ...problem('required') });
};

/** What the settings store keeps: no secret. */
export const ProxySettingsSchema = z.object(proxyShape).superRefine(needsUrl);
export type ProxySettings = z.infer<typeof ProxySettingsSchema>;
export const DEFAULT_PROXY_SETTINGS: ProxySettings = { mode: 'environment', url: '', username: '', bypass: '' };

/**
 * What the Network form sends. `password`: absent keeps the stored one, null clears it, a string replaces it. A
 * user name left empty clears the stored password too: Basic authentication has no password without a user.
 */
export const ProxySettingsInputSchema = z
  .object({ ...proxyShape, password: z.union([z.string().min(1).max(1024), z.null()]).optional() })
  .strict()
  .superRefine((value, ctx) => {
    needsUrl(value, ctx);
    if (typeof value.password === 'string' && !value.username) {
      ctx.addIssue({ code: 'custom', path: ['password'], ...problem('proxy_password_needs_user') });
    }
  });
export type ProxySettingsInput = z.input<typeof ProxySettingsInputSchema>;

export const NetworkSettingsViewSchema = z.object({
  ...proxyShape,
  /** The stored password as a mask, never the password. */
  password: MaskedSecretSchema.nullable(),
  /** What the environment says, as `host:port` only (its values may carry credentials): what `environment` means here. */
  environment: z.object({ httpsProxy: z.string().nullable(), httpProxy: z.string().nullable(), noProxy: z.string() }),
});
export type NetworkSettingsView = z.infer<typeof NetworkSettingsViewSchema>;

/** "Test through proxy": an account's connection test under the current setting, and the route its calls took. */
export const NetworkTestInputSchema = z.object({ accountId: AccountIdSchema }).strict();
export const NetworkTestResultSchema = z.object({
  /** `host:port` of the proxy the account's first address goes through; null when it goes direct. */
  proxy: z.string().nullable(),
  result: ConnectionTestResultSchema,
});
export type NetworkTestResult = z.infer<typeof NetworkTestResultSchema>;
