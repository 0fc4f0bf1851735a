import { useCallback, useState, type FormEvent } from 'react';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import type { InstanceTarget } from './target';

type Message = { chatId: string; message: string; linkPreview: boolean };

/** §7.1 sendMessage: one text to a chat; it is queued, and the returned idMessage can be looked up a little later. */
export function GreenApiSendPanel({ target, onFind }: { target: InstanceTarget; onFind: (chatId: string, idMessage: string) => void }) {
  const t = useT();
  const [form, setForm] = useState<Message>({ chatId: '', message: '', linkPreview: true });
  const send = useAction(useCallback((message: Message) => call('deliveries.greenapiSend', { ...target, ...message }), [target]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run(form);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField id="ga-send-chatId" label={t('deliveries.ga.chatId')} hint={t('deliveries.ga.chatIdHint')} value={form.chatId} onChange={(chatId) => setForm({ ...form, chatId })} required />
      <div className="field">
        <label htmlFor="ga-send-message" className="field-label">
          {t('deliveries.ga.send.message')}
        </label>
        <textarea id="ga-send-message" className="input" rows={3} value={form.message} aria-describedby="ga-send-message-hint" onChange={(event) => setForm({ ...form, message: event.target.value })} />
        <p id="ga-send-message-hint" className="field-hint">
          {t('deliveries.ga.send.messageHint')}
        </p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.linkPreview} onChange={(event) => setForm({ ...form, linkPreview: event.target.checked })} />
        {t('deliveries.ga.send.linkPreview')}
      </label>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={send.busy} aria-busy={send.busy}>
          {send.busy ? t('deliveries.test.sending') : t('deliveries.test.send')}
        </button>
      </div>
      {send.error && <ErrorMessage error={send.error} />}
      {send.result && (
        <div role="status" className="card">
          <p>{t('deliveries.ga.send.sent', { id: send.result.idMessage })}</p>
          <button type="button" className="button" onClick={() => onFind(form.chatId, send.result!.idMessage)}>
            {t('deliveries.ga.send.find')}
          </button>
        </div>
      )}
    </form>
  );
}
