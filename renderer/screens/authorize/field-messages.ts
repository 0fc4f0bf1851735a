import type { z } from 'zod';
import type { AppErrorShape } from '../../../shared/errors';
import { translateFieldMessage } from '../../errors/field-errors';
import type { MessageKey } from '../../i18n/catalog';
import type { Translate } from '../../i18n/translate';

/**
 * The authorization schemas' field messages (shared/auth.ts), in the user's language. Main sends them in English;
 * they are recognised by their opening words, as errors/field-errors.ts does for the core ones.
 */
const KNOWN: readonly [string, MessageKey][] = [
  ['Digits only', 'authorize.field.digitsOnly'],
  ['The full international number', 'authorize.field.phoneLength'],
  ['An international phone number', 'authorize.field.loginPhone'],
  ['A bot token from @BotFather', 'authorize.field.botToken'],
  ['Required when a menu title is set', 'authorize.field.menuLink'],
  ['Required when a menu link is set', 'authorize.field.menuTitle'],
  // The Chategy/Jetapi create rules (electron/core/providers/chatpush/inputs.ts).
  ['must be an email address', 'authorize.field.email'],
  ['must be at least 7 characters', 'authorize.field.passwordLength'],
  ['must contain a letter', 'authorize.field.passwordLetter'],
  ['must contain a digit', 'authorize.field.passwordDigit'],
  ['must be an international phone number', 'authorize.field.createPhone'],
  ['Already in this account', 'authorize.field.duplicate'],
];

export function authFieldMessage(message: string, t: Translate): string {
  const known = KNOWN.find(([start]) => message.startsWith(start));
  return known ? t(known[1]) : translateFieldMessage(message, t);
}

/** The first problem of a value against a schema, worded; null when it is valid. */
export function firstProblem(schema: z.ZodType, value: unknown, t: Translate): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : authFieldMessage(parsed.error.issues[0]?.message ?? 'Required', t);
}

/** `invalid_input` from main: the first message for `path`, worded. */
export function fieldProblem(error: AppErrorShape | null, path: string, t: Translate): string | null {
  if (error?.code !== 'invalid_input') return null;
  const issue = error.details?.fields?.find((field) => field.path === path || field.path.endsWith(`.${path}`));
  return issue ? authFieldMessage(issue.message, t) : null;
}
