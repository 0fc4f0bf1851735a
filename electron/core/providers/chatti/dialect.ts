import { fieldMapIssues, plainTextMessage, type ProviderDialect } from '../http';

/**
 * specs/chat2desk-chatti.md Part B documents status codes but no error body ([GAP]). Read the usual suspects:
 * `message`, `error`, `errors` (a field map), or short plain text.
 */
export const chattiDialect: ProviderDialect = {
  provider: 'chatti',
  displayName: 'Chatti',
  readError(body) {
    if (body.kind === 'text') return { message: plainTextMessage(body) };
    if (body.kind !== 'json' || !body.value || typeof body.value !== 'object') return {};
    const record = body.value as Record<string, unknown>;
    const message = [record.message, record.error, record.detail].find((candidate) => typeof candidate === 'string') as
      | string
      | undefined;
    return { message, fields: fieldMapIssues(record.errors) };
  },
};
