import type { AccountView } from '../../../shared/accounts';
import type { Translate } from '../../i18n/translate';

/** How many GREEN-API instances the list names before summing up the rest. */
const SHOWN_INSTANCES = 3;

/** One line of the list's credentials column: what it is, and the secret's mask when it is one. */
export type CredentialLine = { label: string; mask?: string };

/** The masked secrets of an account as short lines for the list (`API key` `••••3f2a`). */
export function credentialSummary(account: AccountView, t: Translate): CredentialLine[] {
  switch (account.provider) {
    case 'chatpush':
      return [
        { label: t('chatpush.apiKey'), mask: account.apiKey.masked },
        ...account.clientTokens.map((entry) => ({ label: entry.label || t('chatpush.clientToken'), mask: entry.token.masked })),
        ...(account.idempotencyKey ? [{ label: t('chatpush.idempotencyKey'), mask: account.idempotencyKey.masked }] : []),
      ];
    case 'greenapi': {
      const shown = account.instances.slice(0, SHOWN_INSTANCES);
      const more = account.instances.length - shown.length;
      return [
        { label: t('greenapi.instanceCount', { count: account.instances.length }) },
        ...shown.map((entry) => ({
          label: entry.label ? `${entry.label} · ${entry.idInstance}` : entry.idInstance,
          mask: entry.apiTokenInstance.masked,
        })),
        ...(more > 0 ? [{ label: t('greenapi.moreInstances', { count: more }) }] : []),
      ];
    }
    case 'chat2desk':
      return [{ label: t('chat2desk.apiToken'), mask: account.apiToken.masked }];
    case 'chatti':
      return [{ label: t('chatti.apiKey'), mask: account.apiKey.masked }];
  }
}

/** The brand of a Chategy/Jetapi account; the other providers have none. */
export const brandOf = (account: AccountView) => (account.provider === 'chatpush' ? account.brand : null);
