import type { z } from 'zod';
import type { AppErrorShape, FieldIssue } from '../../../shared/errors';
import { fieldIssueOf } from '../../../shared/field-problems';
import { fieldIssueText } from '../../errors/field-problem-text';
import type { MessageKey } from '../../i18n/catalog';
import type { Translate } from '../../i18n/translate';

/**
 * The Chategy/Jetapi create rules (electron/core/providers/chatpush/inputs.ts) reach the renderer as English
 * only, with no code: they are recognised by their opening words. Everything else is worded by its code.
 */
const PROVIDER_RULES: readonly [string, MessageKey][] = [
  ['must be an email address', 'authorize.field.email'],
  ['must be at least 7 characters', 'authorize.field.passwordLength'],
  ['must contain a letter', 'authorize.field.passwordLetter'],
  ['must contain a digit', 'authorize.field.passwordDigit'],
  ['must be an international phone number', 'authorize.field.createPhone'],
];

export function authFieldMessage(issue: FieldIssue, t: Translate): string {
  if (issue.code) return fieldIssueText(issue, t);
  const known = PROVIDER_RULES.find(([start]) => issue.message.startsWith(start));
  return known ? t(known[1]) : issue.message;
}

/** The first problem of a value against a schema, worded; null when it is valid. */
export function firstProblem(schema: z.ZodType, value: unknown, t: Translate): string | null {
  const first = schema.safeParse(value).error?.issues[0];
  return first ? authFieldMessage(fieldIssueOf(first), t) : null;
}

/** `invalid_input` (or a `conflict` naming its field, such as an instance already added) from main: the first problem for `path`, worded. */
export function fieldProblem(error: AppErrorShape | null, path: string, t: Translate): string | null {
  if (error?.code !== 'invalid_input' && error?.code !== 'conflict') return null;
  const issue = error.details?.fields?.find((field) => field.path === path || field.path.endsWith(`.${path}`));
  return issue ? authFieldMessage(issue, t) : null;
}
