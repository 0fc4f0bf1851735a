import { useCallback, useState, type FormEvent } from 'react';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { c2dStatusText } from './delivery-status';

export function Chat2DeskMessagePanel({ accountId }: { accountId: string }) {
  const t = useT();
  const [messageId, setMessageId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const find = useAction(useCallback((id: number) => call('deliveries.chatDeskMessage', { accountId, messageId: id }), [accountId]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = /^\d{1,15}$/.test(messageId.trim()) ? Number(messageId.trim()) : 0;
    setInvalid(id <= 0);
    if (id > 0) void find.run(id);
  };
  const message = find.result;
  const none = t('common.none');
  return (
    <div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField id="c2d-messageId" label={t('deliveries.c2d.messageId')} value={messageId} onChange={setMessageId} inputMode="numeric" error={invalid ? t('deliveries.idInvalid') : undefined} required />
        <button type="submit" className="button button-primary" disabled={find.busy} aria-busy={find.busy}>
          {t('deliveries.c2d.find')}
        </button>
      </form>
      {find.error && <ErrorMessage error={find.error} />}
      {message && !find.error && (
        <section className="card" aria-label={`#${message.id}`} data-testid="c2d-message">
          <h2 className="mono">#{message.id}</h2>
          <dl className="facts">
            <dt>{t('deliveries.c2d.delivery')}</dt>
            <dd>{c2dStatusText(message.deliveryStatus, message.recipientStatus, t)}</dd>
            <dt>{t('deliveries.c2d.type')}</dt>
            <dd>{message.type}</dd>
            <dt>{t('deliveries.ga.entry.text')}</dt>
            <dd>{message.text ?? none}</dd>
            <dt>{t('deliveries.c2d.col.client')}</dt>
            <dd className="mono">{message.clientId ?? none}</dd>
            <dt>{t('deliveries.c2d.col.channel')}</dt>
            <dd className="mono">{message.channelId ?? none}</dd>
            <dt>{t('deliveries.c2d.col.transport')}</dt>
            <dd>{message.transport ?? none}</dd>
            <dt>{t('deliveries.c2d.col.created')}</dt>
            <dd>{message.created ?? none}</dd>
            <dt>{t('deliveries.c2d.read')}</dt>
            <dd>{message.read === null ? none : message.read ? t('deliveries.yes') : t('deliveries.no')}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
