import type { KeychainProblem, QuarantinedFile } from '../../shared/vault';
import { describeError } from '../errors/describe-error';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';

/** Why the OS keychain could not be used, in the user's language (`message` is main's English, for logs). */
export function keychainProblemText(problem: KeychainProblem, keychainName: string, t: Translate): string {
  // Typed so that a kind without a `vault.keychain.<kind>` message is a compile error.
  const key: MessageKey = `vault.keychain.${problem.kind}`;
  return t(key, { keychain: keychainName, detail: problem.detail || t('vault.keychain.noReason') });
}

/** Why a file was moved aside, in the user's language. */
export function quarantineReasonText(file: QuarantinedFile, t: Translate): string {
  const { cause } = file;
  switch (cause.kind) {
    case 'newer_version':
      return t('vault.quarantined.why.newer_version', { version: cause.version ?? '?' });
    case 'wrong_format':
      return cause.path ? t('vault.quarantined.why.wrong_format_at', { path: cause.path }) : t('vault.quarantined.why.wrong_format');
    case 'start_fresh':
      return cause.code
        ? t('vault.quarantined.why.start_fresh_after', { problem: describeError({ code: cause.code, message: file.reason }, t) })
        : t('vault.quarantined.why.start_fresh');
    default: {
      const key: MessageKey = `vault.quarantined.why.${cause.kind}`;
      return t(key);
    }
  }
}
