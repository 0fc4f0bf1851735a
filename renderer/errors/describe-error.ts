import { ErrorReasonSchema } from '../../shared/error-reasons';
import { ErrorCodeSchema, type AppErrorShape } from '../../shared/errors';
import type { MessageKey } from '../i18n/catalog';
import { providerName } from '../i18n/provider-names';
import type { Translate } from '../i18n/translate';
import { fieldIssueText } from './field-problem-text';

/**
 * An error in the user's language, built from its code and details: what happened (the specific reason when main
 * names one, else the code's general sentence), where (HTTP status, host), what the provider said (its message and
 * its per-field messages) and when to retry. The English `message` from main is the fallback for a code this
 * build does not know (a newer core).
 */
const LOST_ANSWER: ReadonlySet<string> = new Set(['timeout', 'connection_reset', 'truncated_json']);

export function describeError(error: AppErrorShape, t: Translate): string {
  const known = ErrorCodeSchema.safeParse(error.code);
  if (!known.success) return error.message;
  // An HTML page with a 5xx status is a failing gateway, not a wrong base URL.
  const gateway = known.data === 'html_response' && (error.details?.status ?? 0) >= 500;
  // Typed so that a code without an `error.<code>` message in en.ts is a compile error.
  const key: MessageKey = gateway ? 'error.html_gateway' : `error.${known.data}`;
  const details = error.details ?? {};
  const provider = details.provider ? providerName(details.provider) : t('error.theProvider');
  const reason = reasonText(details, provider, t);
  const parts = [reason ?? t(key, { provider })];

  const via = details.proxy ? t('error.viaProxy', { proxy: details.proxy }) : null;
  const where = [details.status !== undefined ? `HTTP ${details.status}` : null, details.host ?? null, via].filter(Boolean);
  if (where.length) parts.push(`(${where.join(', ')})`);
  if (details.providerMessage) parts.push(t('error.providerSaid', { provider, message: details.providerMessage }));
  // A provider's own field messages carry the reason (a Chategy/Jetapi 422 says "Unprocessable Entity" and puts
  // "not enough money" under `errors.base`). Our own validation's fields are shown next to their inputs instead,
  // and a known reason already says what the provider's fields meant (a delete refusal's `dispatch_type invalid`).
  if (details.provider && !reason) {
    for (const issue of details.fields ?? []) {
      const text = fieldIssueText(issue, t);
      parts.push(`— ${issue.path === 'base' || !issue.path ? text : `${issue.path}: ${text}`}`);
    }
  }
  // After a lost answer a read can simply be repeated; a write may already have been carried out.
  if (LOST_ANSWER.has(known.data)) parts.push(details.mayHaveTakenEffect ? t('error.lostAnswer.write', { provider }) : t('error.lostAnswer.read'));
  if (details.retryAfterSeconds !== undefined) {
    parts.push(t('error.retryAfter', { count: Math.max(1, Math.ceil(details.retryAfterSeconds)) }));
  }
  return parts.join(' ');
}

/**
 * What happened and the next step, for a reason this build knows (shared/error-reasons.ts); null otherwise, and the
 * code's general sentence is used. Reason params are identifiers (a delivery id, an idInstance): kept as written,
 * never formatted as figures with digit grouping.
 */
function reasonText(details: NonNullable<AppErrorShape['details']>, provider: string, t: Translate): string | null {
  const reason = ErrorReasonSchema.safeParse(details.reason);
  if (!reason.success) return null;
  const params = Object.fromEntries(Object.entries(details.reasonParams ?? {}).map(([name, value]) => [name, String(value)]));
  // Typed so that a reason without an `error.reason.<reason>` message is a compile error.
  const key: MessageKey = `error.reason.${reason.data}`;
  return t(key, { ...params, provider });
}
