import type { ErrorCode } from '../../../../shared/errors';
import type { ChatpushBrand } from '../../../../shared/providers';
import { fieldMapIssues, plainTextMessage, type ParsedBody, type ProviderDialect } from '../http';

const NAMES: Record<ChatpushBrand, string> = { chategy: 'Chategy', jetapi: 'Jetapi', custom: 'Chategy/Jetapi' };

/** The `meta` of a JSON body, if it has one. */
function metaOf(body: ParsedBody): { code?: unknown; status?: unknown; message?: unknown; errors?: unknown } | undefined {
  if (body.kind !== 'json' || !body.value || typeof body.value !== 'object') return undefined;
  const meta = (body.value as { meta?: unknown }).meta;
  return meta && typeof meta === 'object' ? meta : undefined;
}

/** What a failure's `meta.code` means, for a failure that arrived with HTTP 200. */
const CODE_FOR_META: Record<number, ErrorCode> = {
  400: 'provider_validation',
  401: 'auth_failed',
  403: 'forbidden',
  404: 'provider_not_found',
  409: 'provider_conflict',
  422: 'provider_validation',
  429: 'rate_limited',
};

/**
 * Spec §1.4–1.5: failures carry `{"meta":{"code","status":"fail","message","errors":{field:[strings]},"status_id"}}`.
 * `errors.base` holds messages that belong to no field ("not enough money").
 */
export function chatpushDialect(brand: ChatpushBrand): ProviderDialect {
  return {
    provider: 'chatpush',
    displayName: NAMES[brand],
    readError(body) {
      if (body.kind !== 'json') return { message: plainTextMessage(body) };
      const meta = metaOf(body) ?? (body.value && typeof body.value === 'object' ? (body.value as Record<string, unknown>) : undefined);
      if (!meta) return {};
      return {
        message: typeof meta.message === 'string' ? meta.message : undefined,
        fields: fieldMapIssues(meta.errors),
      };
    },
    /**
     * §1.5: `meta.status` "fail" is a failure whatever the HTTP status; [J-corp]'s "Successful result" for deleting
     * chats is a 401 body, and several examples carry no HTTP code at all.
     */
    failedDespiteSuccess: (body) => metaOf(body)?.status === 'fail',
    /** Such a failure is classified by the code its `meta` names (a 401 body is auth_failed, not a 200). */
    classify(status, body) {
      if (status < 200 || status >= 300) return undefined;
      const code = Number(metaOf(body)?.code);
      if (!Number.isInteger(code) || code < 400) return undefined;
      return CODE_FOR_META[code] ?? (code >= 500 ? 'provider_unavailable' : 'provider_error');
    },
  };
}
