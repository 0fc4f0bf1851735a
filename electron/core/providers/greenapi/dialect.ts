import { fieldMapIssues, plainTextMessage, type ProviderDialect } from '../http';
import { exhaustedQuota, QuotaBodySchema, quotaFigures, type GreenApiQuota } from './quota-schemas';

/**
 * specs/greenapi.md §8.3: errors are documented only as identifier strings ("instance in starting process try
 * later", "Validation failed. Details: …"); the body shape is a doc gap, so plain text and JSON `message`,
 * `error` or `description` are all read. 466 is the one documented JSON body, `invokeStatus` / `correspondentsStatus`
 * (§8.1): its figures lead the message, and `onQuota` receives the parsed body so the client can raise a typed error.
 */
export function createGreenApiDialect(onQuota?: (quota: GreenApiQuota) => void): ProviderDialect {
  return {
    provider: 'greenapi',
    displayName: 'GREEN-API',
    readError(body) {
      if (body.kind === 'text') return { message: plainTextMessage(body) };
      if (body.kind !== 'json') return {};
      const value = body.value;
      if (typeof value === 'string') return { message: value.slice(0, 300) };
      if (!value || typeof value !== 'object') return {};
      const quota = QuotaBodySchema.safeParse(value);
      if (quota.success) {
        onQuota?.(quota.data);
        const status = exhaustedQuota(quota.data);
        if (status) return { message: [quotaFigures(status), status.description].filter(Boolean).join(': ') };
      }
      const record = value as Record<string, unknown>;
      const message = [record.message, record.error, record.description].find((candidate) => typeof candidate === 'string') as
        | string
        | undefined;
      return { message, fields: fieldMapIssues(record.errors) };
    },
  };
}

export const greenApiDialect = createGreenApiDialect();
