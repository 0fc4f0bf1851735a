import type { ChatpushBrand } from '../../../../shared/providers';
import { fieldMapIssues, plainTextMessage, type ProviderDialect } from '../http';

const NAMES: Record<ChatpushBrand, string> = { chategy: 'Chategy', jetapi: 'Jetapi', custom: 'Chategy/Jetapi' };

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
      const value = body.value as { meta?: { message?: unknown; errors?: unknown } } | null;
      const meta = value && typeof value === 'object' ? (value.meta ?? value) : undefined;
      if (!meta || typeof meta !== 'object') return {};
      const record = meta as { message?: unknown; errors?: unknown };
      return {
        message: typeof record.message === 'string' ? record.message : undefined,
        fields: fieldMapIssues(record.errors),
      };
    },
  };
}
