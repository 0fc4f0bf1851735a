import { useState } from 'react';
import type { ChatpushWebhookScope, ChatpushWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { isMessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { EventChoice, toggled } from '../common/EventChoice';
import { HintedFieldset } from '../../../components/HintedFieldset';
import { WebhookFormDialog } from '../common/WebhookFormDialog';

type TypeInfo = { type: string; payloadTypes: string[] };

/** Create or edit a Chategy/Jetapi webhook: its URL and which of the five types it subscribes to, each explained. */
export function ChatpushWebhookDialog({ accountId, scope, editing, types, onClose, onSaved }: {
  accountId: string;
  scope: ChatpushWebhookScope;
  editing: ChatpushWebhookView | null;
  types: readonly TypeInfo[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [url, setUrl] = useState(editing?.url ?? '');
  const [chosen, setChosen] = useState<string[]>(editing?.types ?? []);

  const save = () => {
    const fields = { accountId, scope, url, types: chosen };
    return editing ? call('webhooks.chatpushUpdate', { ...fields, webhookId: editing.id }) : call('webhooks.chatpushCreate', fields);
  };
  const meaning = (type: string) => {
    const key = `webhooks.cp.type.${type}`;
    return isMessageKey(key) ? t(key) : '';
  };

  return (
    <WebhookFormDialog title={editing ? t('webhooks.edit', { name: `#${editing.id}` }) : t('webhooks.add')} editing={!!editing} save={save} onSaved={onSaved} onClose={onClose}>
      {(errors) => (
        <>
          <WebhookUrlField id="cp-webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
          <HintedFieldset hintId="cp-types-hint" legend={t('webhooks.cp.types')} hint={t('webhooks.cp.typesHint')} error={errors.types}>
            {types.map((info) => (
              <EventChoice key={info.type} id={`cp-type-${info.type}`} name={info.type} checked={chosen.includes(info.type)} onChange={(on) => setChosen(toggled(chosen, info.type, on))}>
                {meaning(info.type)} {t('webhooks.cp.arrives', { types: info.payloadTypes.join(', ') })}
              </EventChoice>
            ))}
          </HintedFieldset>
        </>
      )}
    </WebhookFormDialog>
  );
}
