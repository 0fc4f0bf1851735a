import type { AppErrorShape } from '../../shared/errors';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';

/** Field problems keyed by their path inside the form (`hosts.rest`, `instances.0.idInstance`). */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * `invalid_input` names each field by its path in the call's input (`draft.hosts.rest`, `patch.name`); the form
 * knows its fields without the `draft`/`patch` root. Messages stay as main sent them: they are translated when
 * shown (translateFieldErrors), so a change of language re-words them. Other errors carry no field problems.
 */
export function fieldErrorsOf(error: AppErrorShape, root: string): FieldErrors {
  if (error.code !== 'invalid_input') return {};
  const errors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) {
    const path = issue.path === root ? '' : issue.path.startsWith(`${root}.`) ? issue.path.slice(root.length + 1) : issue.path;
    errors[path] ??= issue.message;
  }
  return errors;
}

export function translateFieldErrors(errors: FieldErrors, t: Translate): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, translateFieldMessage(message, t)]));
}

/**
 * The field messages are written in English in shared/ (the schemas main validates with). The contract carries
 * no issue code, so the known ones are recognised by their text; anything else is shown as main wrote it.
 */
const KNOWN_MESSAGES: readonly [RegExp, (match: RegExpExecArray) => [MessageKey, Record<string, string>?]][] = [
  [/^Required$/, () => ['field.required']],
  [/^Give the account a name$/, () => ['field.nameRequired']],
  [/^idInstance is 1 to 10 digits$/, () => ['field.idInstance']],
  [/^A path starting with \/$/, () => ['field.probePath']],
  [/^An origin such as /, () => ['field.origin']],
  [/^Add at least one instance$/, () => ['field.atLeastOneInstance']],
  [/^At least 10 characters$/, () => ['field.passphraseLength']],
  [/^Not a valid URL$/, () => ['field.url.notAUrl']],
  [/^Remove the user name and password from the URL$/, () => ['field.url.credentials']],
  [/^Use (\w+:)\/\/ \(plain (\w+:)\/\//, (m) => ['field.url.insecure', { secure: `${m[1]}//`, plain: `${m[2]}//` }]],
  [/^The URL must start with (\w+:)\/\//, (m) => ['field.url.wrongScheme', { secure: `${m[1]}//` }]],
];

export function translateFieldMessage(message: string, t: Translate): string {
  for (const [pattern, toKey] of KNOWN_MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      const [key, params] = toKey(match);
      return t(key, params);
    }
  }
  return message;
}
