import { fieldMapIssues, plainTextMessage, type ProviderDialect } from '../http';

/**
 * specs/greenapi.md §8.3: errors are documented only as identifier strings ("instance in starting process try
 * later", "Validation failed. Details: …"); the body shape is a doc gap, so plain text and JSON `message` are both
 * read. 466 is the one documented JSON body: `invokeStatus` / `correspondentsStatus` with a `description` (§8.1).
 */
export const greenApiDialect: ProviderDialect = {
  provider: 'greenapi',
  displayName: 'GREEN-API',
  readError(body) {
    if (body.kind === 'text') return { message: plainTextMessage(body) };
    if (body.kind !== 'json') return {};
    const value = body.value;
    if (typeof value === 'string') return { message: value.slice(0, 300) };
    if (!value || typeof value !== 'object') return {};
    const record = value as Record<string, unknown>;
    for (const key of ['correspondentsStatus', 'invokeStatus'] as const) {
      const status = record[key] as { status?: unknown; description?: unknown } | undefined;
      if (status && typeof status.description === 'string' && /EXCEEDED/i.test(String(status.status))) {
        return { message: status.description };
      }
    }
    const message = [record.message, record.error, record.description].find((candidate) => typeof candidate === 'string') as
      | string
      | undefined;
    return { message, fields: fieldMapIssues(record.errors) };
  },
};
