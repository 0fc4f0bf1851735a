import type { ProviderId } from '../../../../shared/providers';
import type { MessageKey } from '../../../i18n/catalog';
import type { Translate } from '../../../i18n/translate';

/**
 * What each field of the account form is called, by its path with list indexes left out. The inputs and the
 * error summary both take their words from here, so an error always names the field the way the form does.
 */
const LABELS: Record<ProviderId, Record<string, MessageKey>> = {
  chatpush: {
    name: 'account.name',
    brand: 'chatpush.brand',
    hosts: 'chatpush.hosts',
    'hosts.rest': 'chatpush.hosts.rest',
    'hosts.root': 'chatpush.hosts.root',
    'hosts.whatsappWs': 'chatpush.hosts.whatsappWs',
    'hosts.telegramWs': 'chatpush.hosts.telegramWs',
    apiKey: 'chatpush.apiKey',
    clientTokens: 'chatpush.clientToken',
    'clientTokens.label': 'chatpush.clientToken.label',
    'clientTokens.token': 'chatpush.clientToken.token',
    wsOrigin: 'chatpush.wsOrigin',
    idempotencyKey: 'chatpush.idempotencyKey',
  },
  greenapi: {
    name: 'account.name',
    instances: 'greenapi.instance',
    'instances.label': 'greenapi.instance.label',
    'instances.idInstance': 'greenapi.instance.idInstance',
    'instances.apiTokenInstance': 'greenapi.instance.apiTokenInstance',
    'instances.apiUrl': 'greenapi.instance.apiUrl',
    'instances.mediaUrl': 'greenapi.instance.mediaUrl',
  },
  chat2desk: { name: 'account.name', apiToken: 'chat2desk.apiToken', baseUrl: 'account.baseUrl' },
  chatti: { name: 'account.name', apiKey: 'chatti.apiKey', baseUrl: 'account.baseUrl', probePath: 'chatti.probePath' },
};

/** `instances.1.idInstance` → "Instance 2: idInstance"; a path the form does not know is shown as it is. */
export function fieldLabel(provider: ProviderId, path: string, t: Translate): string {
  const labels = LABELS[provider];
  const words = (key: string) => (labels[key] ? t(labels[key]) : key);
  const match = /^(\w+)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return path ? words(path) : t('form.wholeForm');
  const [, list = '', index = '0', field] = match;
  const row = t('form.row', { list: words(list), row: Number(index) + 1 });
  return field ? t('form.rowField', { row, field: words(`${list}.${field}`) }) : row;
}

/** The element id of a field's input, for labels, error links and focus. */
export const fieldId = (path: string) => `account-${path}`;
