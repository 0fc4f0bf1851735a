import { useState, type FormEvent } from 'react';
import type { Chat2DeskChannelView } from '../../../../shared/deliveries';
import type { AppErrorShape } from '../../../../shared/errors';
import type { Chat2DeskWebhookView, WebhookCatalogue } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { isMessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { webhookFieldErrors } from '../field-errors';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const errors = webhookFieldErrors(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fields = { accountId, name, url, events: chosen, channels: chosenChannels };
      if (editing) await call('webhooks.chatDeskUpdate', { ...fields, webhookId: editing.id });
      else await call('webhooks.chatDeskCreate', fields);
      onSaved();
      onClose();
    } catch (failure) {
      setError(toAppError(failure));
      setBusy(false);
    }
  };
  const describe = (info: EventInfo) => {
    const key = `webhooks.c2d.event.${info.name}`;
    return isMessageKey(key) ? t(key) : info.delivers;
  };
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((value) => value !== item));

  return (
    <Dialog title={editing ? t('webhooks.edit', { name: editing.name }) : t('webhooks.add')} onClose={onClose} size="large">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {atFreeLimit && <p className="message message-warning">{t('webhooks.c2d.allowanceFull')}</p>}
        {error && error.code !== 'invalid_input' && <ErrorMessage error={error} />}
        <div className="field-grid">
          <TextField id="c2d-webhook-name" label={t('webhooks.c2d.name')} value={name} onChange={setName} error={errors.name} required />
          <WebhookUrlField id="c2d-webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
        </div>
        <fieldset className="fieldset" aria-describedby="c2d-events-hint">
          <legend>{t('webhooks.c2d.events')}</legend>
          <p id="c2d-events-hint" className="field-hint">
            {t('webhooks.c2d.eventsHint')}
          </p>
          <div className="choice-grid">
            {events.map((info) => (
              <div key={info.name} className="choice">
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.includes(info.name)} onChange={(event) => setChosen(toggle(chosen, info.name, event.target.checked))} aria-describedby={`c2d-event-${info.name}`} />
                  <span className="mono">{info.name}</span>
                  {info.channelScoped && <span className="badge badge-neutral">{t('webhooks.c2d.channelScoped')}</span>}
                </label>
                <p id={`c2d-event-${info.name}`} className="field-hint">
                  {describe(info)}
                  {info.hookType !== info.name && ` (${t('webhooks.c2d.hookType', { hookType: info.hookType })})`}
                </p>
              </div>
            ))}
          </div>
          {errors.events && <p className="field-error">{errors.events}</p>}
        </fieldset>
        <fieldset className="fieldset" aria-describedby="c2d-channels-hint">
          <legend>{t('webhooks.c2d.channels')}</legend>
          <p id="c2d-channels-hint" className="field-hint">
            {t('webhooks.c2d.channelsHint')}
          </p>
          {channels.length === 0 && <p className="muted">{t('webhooks.c2d.noChannels')}</p>}
          {channels.map((channel) => (
            <label key={channel.id} className="checkbox">
              <input type="checkbox" checked={chosenChannels.includes(channel.id)} onChange={(event) => setChosenChannels(toggle(chosenChannels, channel.id, event.target.checked))} />
              {channel.name ?? channel.id} <span className="mono muted">#{channel.id}</span>
            </label>
          ))}
          {errors.channels && <p className="field-error">{errors.channels}</p>}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {editing ? t('webhooks.save') : t('webhooks.create')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
