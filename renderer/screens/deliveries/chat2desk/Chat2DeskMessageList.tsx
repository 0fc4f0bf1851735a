import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Chat2DeskChannelView, Chat2DeskMessageFilter } from '../../../../shared/deliveries';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { fieldErrorsOf, translateFieldErrors } from '../../../errors/field-errors';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { c2dStatusText } from './delivery-status';

const TYPES = ['', 'to_client', 'from_client', 'autoreply', 'system'] as const;
type Form = { clientId: string; channelId: string; type: (typeof TYPES)[number]; startDate: string; finishDate: string; limit: string };

/** A8 GET messages filtered by client, channel, type and dates: one page, newest first (API requests are metered). */
export function Chat2DeskMessageList({ accountId }: { accountId: string }) {
  const t = useT();
  const id = useId();
  const [form, setForm] = useState<Form>({ clientId: '', channelId: '', type: '', startDate: '', finishDate: '', limit: '50' });
  const [channels, setChannels] = useState<Chat2DeskChannelView[]>([]);
  const list = useAction(useCallback((filter: Chat2DeskMessageFilter) => call('deliveries.chatDeskMessages', { accountId, filter }), [accountId]));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));

  useEffect(() => {
    call('deliveries.chatDeskChannels', { accountId }).then(setChannels, () => setChannels([]));
  }, [accountId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);
    void list.run({
      clientId: number(form.clientId),
      channelId: number(form.channelId),
      type: form.type || undefined,
      startDate: form.startDate.trim() || undefined,
      finishDate: form.finishDate.trim() || undefined,
      limit: Math.min(200, number(form.limit) ?? 50),
    });
  };
  const errors = list.error ? translateFieldErrors(fieldErrorsOf(list.error, 'filter'), t) : {};
  const messages = list.result?.messages ?? [];
  const none = t('common.none');

  return (
    <div>
      <form className="form" onSubmit={submit} noValidate aria-label={t('deliveries.c2d.filter')}>
        <div className="field-grid">
          <TextField id={`${id}-client`} label={t('deliveries.c2d.clientId')} value={form.clientId} onChange={(v) => set('clientId', v)} inputMode="numeric" error={errors.clientId} />
          <SelectField
            id={`${id}-channel`}
            label={t('deliveries.c2d.channel')}
            value={form.channelId}
            onChange={(v) => set('channelId', v)}
            options={[{ value: '', label: t('deliveries.c2d.anyChannel') }, ...channels.map((channel) => ({ value: String(channel.id), label: `${channel.name ?? channel.id} (${channel.id})` }))]}
          />
          <SelectField
            id={`${id}-type`}
            label={t('deliveries.c2d.type')}
            value={form.type}
            onChange={(v) => set('type', v)}
            options={TYPES.map((value) => ({ value, label: value ? t(`deliveries.c2d.type.${value}`) : t('deliveries.c2d.anyType') }))}
          />
          <TextField id={`${id}-from`} label={t('deliveries.c2d.from')} hint={t('deliveries.c2d.dateHint')} value={form.startDate} onChange={(v) => set('startDate', v)} error={errors.startDate} />
          <TextField id={`${id}-to`} label={t('deliveries.c2d.to')} value={form.finishDate} onChange={(v) => set('finishDate', v)} error={errors.finishDate} />
          <TextField id={`${id}-limit`} label={t('deliveries.c2d.limit')} value={form.limit} onChange={(v) => set('limit', v)} inputMode="numeric" error={errors.limit} />
        </div>
        <p className="field-hint">{t('deliveries.c2d.quotaNote')}</p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={list.busy} aria-busy={list.busy}>
            {t('deliveries.c2d.search')}
          </button>
        </div>
      </form>
      {list.error && <ErrorMessage error={list.error} />}
      {list.result && (
        <p role="status">
          {messages.length === 0 ? t('deliveries.c2d.empty') : t('deliveries.c2d.total', { shown: messages.length, total: list.result.total ?? messages.length })}
        </p>
      )}
      {messages.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('deliveries.c2d.table')}>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.c2d.messageId')}</th>
                <th scope="col">{t('deliveries.c2d.col.created')}</th>
                <th scope="col">{t('deliveries.c2d.type')}</th>
                <th scope="col">{t('deliveries.c2d.col.client')}</th>
                <th scope="col">{t('deliveries.c2d.col.channel')}</th>
                <th scope="col">{t('deliveries.c2d.delivery')}</th>
                <th scope="col">{t('deliveries.ga.entry.text')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <th scope="row" className="mono">
                    {message.id}
                  </th>
                  <td>{message.created ?? none}</td>
                  <td>{message.type}</td>
                  <td className="mono">{message.clientId ?? none}</td>
                  <td className="mono">{message.channelId ?? none}</td>
                  <td>{c2dStatusText(message.deliveryStatus, message.recipientStatus, t)}</td>
                  <td>{message.text ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
