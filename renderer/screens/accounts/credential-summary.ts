import type { AccountView } from '../../../shared/accounts';
import type { Translate } from '../../i18n/translate';

/** How many GREEN-API instances the list names before summing up the rest. */
const SHOWN_INSTANCES = 3;

/** The masked secrets of an account as short lines for the list (`API key ••••3f2a`). */
export function credentialSummary(account: AccountView, t: Translate): string[] {
  switch (account.provider) {
    case 'chatpush':
      return [
        `${t('chatpush.apiKey')} ${account.apiKey.masked}`,
        ...account.clientTokens.map((entry) => `${entry.label || t('chatpush.clientToken')} ${entry.token.masked}`),
        ...(account.idempotencyKey ? [`${t('chatpush.idempotencyKey')} ${account.idempotencyKey.masked}`] : []),
      ];
    case 'greenapi': {
      const shown = account.instances.slice(0, SHOWN_INSTANCES);
      const more = account.instances.length - shown.length;
      return [
        t('greenapi.instanceCount', { count: account.instances.length }),
        ...shown.map((entry) => `${entry.label ? `${entry.label} · ` : ''}${entry.idInstance} ${entry.apiTokenInstance.masked}`),
        ...(more > 0 ? [t('greenapi.moreInstances', { count: more })] : []),
      ];
    }
    case 'chat2desk':
      return [`${t('chat2desk.apiToken')} ${account.apiToken.masked}`];
    case 'chatti':
      return [`${t('chatti.apiKey')} ${account.apiKey.masked}`];
  }
}

/** The brand of a Chategy/Jetapi account; the other providers have none. */
export const brandOf = (account: AccountView) => (account.provider === 'chatpush' ? account.brand : null);
