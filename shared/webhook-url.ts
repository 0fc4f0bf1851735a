import { z } from 'zod';
import { problem as fieldProblem, type FieldProblemCode } from './field-problems';

/**
 * Addresses a provider will POST to (webhooks, status callbacks, the tester's target). Unlike provider URLs these
 * are the user's own servers, and every provider accepts plain http (Chat2Desk A6: "any URL is allowed but we
 * recommend https"), so http is allowed with a warning rather than refused: notifications over it travel in clear
 * text. A user name or password in the URL is refused: it would be stored at the provider and sent in every POST.
 */
export type WebhookUrlProblem = 'not_a_url' | 'wrong_scheme' | 'credentials_in_url';

export interface WebhookUrlCheck {
  problem: WebhookUrlProblem | null;
  /** Plain http: allowed, but the user is told what it means. */
  insecure: boolean;
}

export function checkWebhookUrl(value: string): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: 'not_a_url', insecure: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'wrong_scheme', insecure: false };
  if (!url.hostname) return { problem: 'not_a_url', insecure: false };
  if (url.username || url.password) return { problem: 'credentials_in_url', insecure: false };
  return { problem: null, insecure: url.protocol === 'http:' };
}

/** Each problem as the field problem the renderer words. */
export const WEBHOOK_URL_PROBLEMS = {
  not_a_url: 'url_not_a_url',
  wrong_scheme: 'webhook_url_scheme',
  credentials_in_url: 'url_credentials',
} as const satisfies Record<WebhookUrlProblem, FieldProblemCode>;

export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    const { problem } = checkWebhookUrl(value);
    if (problem) ctx.addIssue({ code: 'custom', ...fieldProblem(WEBHOOK_URL_PROBLEMS[problem]) });
  });
