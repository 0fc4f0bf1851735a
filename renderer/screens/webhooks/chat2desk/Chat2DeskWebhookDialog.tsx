import { useState } from 'react';
import type { Chat2DeskChannelView } from '../../../../shared/deliveries';
import type { Chat2DeskWebhookView, WebhookCatalogue } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { TextField } from '../../../components/TextField';
import { isMessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { EventChoice, toggled } from '../common/EventChoice';
import { HintedFieldset } from '../../../components/HintedFieldset';
import { WebhookFormDialog } from '../common/WebhookFormDialog';

type EventInfo = WebhookCatalogue['chat2desk']['events'][number];

/** Create or edit a Chat2Desk webhook: name, URL, events from the catalogue (channel-scoped ones marked), channels. */
export function Chat2DeskWebhookDialog({ accountId, editing, events, channels, atFreeLimit, onClose, onSaved }: {
  accountId: string;
  editing: Chat2DeskWebhookView | null;
  events: readonly EventInfo[];
  channels: readonly Chat2DeskChannelView[];
  atFreeLimit: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [chosen, setChosen] = useState<string[]>(editing?.events ?? []);
  const [chosenChannels, setChosenChannels] = useState<number[]>(editing?.channels ?? []);

  const save = () => {
    const fields = { accountId, name, url, events: chosen, channels: chosenChannels };
    return editing ? call('webhooks.chatDeskUpdate', { ...fields, webhookId: editing.id }) : call('webhooks.chatDeskCreate', fields);
  };
  const describe = (info: EventInfo) => {
    const key = `webhooks.c2d.event.${info.name}`;
    return isMessageKey(key) ? t(key) : info.delivers;
  };

  return (
    <WebhookFormDialog
      title={editing ? t('webhooks.edit', { name: editing.name }) : t('webhooks.add')}
      editing={!!editing}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      notice={atFreeLimit && <p className="message message-warning">{t('webhooks.c2d.allowanceFull')}</p>}
    >
      {(errors) => (
        <>
          <div className="field-grid">
            <TextField id="c2d-webhook-name" label={t('webhooks.c2d.name')} value={name} onChange={setName} error={errors.name} required />
            <WebhookUrlField id="c2d-webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
          </div>
          <HintedFieldset hintId="c2d-events-hint" legend={t('webhooks.c2d.events')} hint={t('webhooks.c2d.eventsHint')} error={errors.events}>
            <div className="choice-grid">
              {events.map((info) => (
                <EventChoice
                  key={info.name}
                  id={`c2d-event-${info.name}`}
                  name={info.name}
                  checked={chosen.includes(info.name)}
                  onChange={(on) => setChosen(toggled(chosen, info.name, on))}
                  badge={info.channelScoped && <span className="badge badge-neutral">{t('webhooks.c2d.channelScoped')}</span>}
                >
                  {describe(info)}
                  {info.hookType !== info.name && ` (${t('webhooks.c2d.hookType', { hookType: info.hookType })})`}
                </EventChoice>
              ))}
            </div>
          </HintedFieldset>
          <HintedFieldset hintId="c2d-channels-hint" legend={t('webhooks.c2d.channels')} hint={t('webhooks.c2d.channelsHint')} error={errors.channels}>
            {channels.length === 0 && <p className="muted">{t('webhooks.c2d.noChannels')}</p>}
            {channels.map((channel) => (
              <label key={channel.id} className="checkbox">
                <input type="checkbox" checked={chosenChannels.includes(channel.id)} onChange={(event) => setChosenChannels(toggled(chosenChannels, channel.id, event.target.checked))} />
                {channel.name ?? channel.id} <span className="mono muted">#{channel.id}</span>
              </label>
            ))}
          </HintedFieldset>
        </>
      )}
    </WebhookFormDialog>
  );
}
