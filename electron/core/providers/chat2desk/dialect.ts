import type { FieldIssue } from '../../../../shared/errors';
import { fieldMapIssues, issueText, plainTextMessage, type ProviderDialect } from '../http';

/**
 * specs/chat2desk-chatti.md A4 lists eight error shapes: `{"message","errors","status":"error"}` where `errors`
 * is a field map of `{text,error}` lists, an array of `{text,error}`, a plain string, or an object with `text`;
 * and bare field maps with no envelope at all (operators, templates).
 */
export const chat2DeskDialect: ProviderDialect = {
  provider: 'chat2desk',
  displayName: 'Chat2Desk',
  readError(body) {
    if (body.kind === 'text') return { message: plainTextMessage(body) };
    if (body.kind !== 'json' || !body.value || typeof body.value !== 'object' || Array.isArray(body.value)) return {};
    const record = body.value as Record<string, unknown>;
    const enveloped = 'errors' in record || 'message' in record;
    if (!enveloped) return { fields: fieldMapIssues(record) };

    const { errors } = record;
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (typeof errors === 'string') return { message: errors };
    if (Array.isArray(errors)) {
      const texts = errors.map(issueText).filter((text): text is string => !!text);
      return { message: texts.length ? texts.join('; ') : message };
    }
    if (errors && typeof errors === 'object') {
      const single = errors as Record<string, unknown>;
      if (typeof single.text === 'string') return { message: single.text };
      const fields: FieldIssue[] = fieldMapIssues(errors);
      return { message, fields };
    }
    return { message };
  },
};
