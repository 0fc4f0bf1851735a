import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { ChatpushWebhookScope, ChatpushWebhookView } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { toAppError } from '../../../errors/to-app-error';
import { isMessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { webhookFieldErrors } from '../field-errors';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const errors = webhookFieldErrors(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fields = { accountId, scope, url, types: chosen };
      if (editing) await call('webhooks.chatpushUpdate', { ...fields, webhookId: editing.id });
      else await call('webhooks.chatpushCreate', fields);
      onSaved();
      onClose();
    } catch (failure) {
      setError(toAppError(failure));
      setBusy(false);
    }
  };
  const meaning = (type: string) => {
    const key = `webhooks.cp.type.${type}`;
    return isMessageKey(key) ? t(key) : '';
  };

  return (
    <Dialog title={editing ? t('webhooks.edit', { name: `#${editing.id}` }) : t('webhooks.add')} onClose={onClose} size="large">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error && error.code !== 'invalid_input' && <ErrorMessage error={error} />}
        <WebhookUrlField id="cp-webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.url} required />
        <fieldset className="fieldset" aria-describedby="cp-types-hint">
          <legend>{t('webhooks.cp.types')}</legend>
          <p id="cp-types-hint" className="field-hint">
            {t('webhooks.cp.typesHint')}
          </p>
          {types.map((info) => (
            <div key={info.type} className="choice">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(info.type)}
                  onChange={(event) => setChosen(event.target.checked ? [...chosen, info.type] : chosen.filter((type) => type !== info.type))}
                  aria-describedby={`cp-type-${info.type}`}
                />
                <span className="mono">{info.type}</span>
              </label>
              <p id={`cp-type-${info.type}`} className="field-hint">
                {meaning(info.type)} {t('webhooks.cp.arrives', { types: info.payloadTypes.join(', ') })}
              </p>
            </div>
          ))}
          {errors.types && <p className="field-error">{errors.types}</p>}
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
