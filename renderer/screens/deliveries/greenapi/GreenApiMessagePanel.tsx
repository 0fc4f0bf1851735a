import { useCallback, type FormEvent } from 'react';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { JournalEntryCard } from './JournalEntryCard';
import type { InstanceTarget } from './target';

type Lookup = { chatId: string; idMessage: string };

/** §6 getMessage: one sent or received message by chat and id. Not found while it still waits in the queue. */
export function GreenApiMessagePanel({ target, value, onChange }: { target: InstanceTarget; value: Lookup; onChange: (value: Lookup) => void }) {
  const t = useT();
  const find = useAction(useCallback((lookup: Lookup) => call('deliveries.greenapiMessage', { ...target, ...lookup }), [target]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find.run(value);
  };
  return (
    <div>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field-grid">
          <TextField id="ga-chatId" label={t('deliveries.ga.chatId')} hint={t('deliveries.ga.chatIdHint')} value={value.chatId} onChange={(chatId) => onChange({ ...value, chatId })} required />
          <TextField id="ga-idMessage" label={t('deliveries.ga.idMessage')} hint={t('deliveries.ga.idMessageHint')} value={value.idMessage} onChange={(idMessage) => onChange({ ...value, idMessage })} required />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={find.busy} aria-busy={find.busy}>
            {t('deliveries.ga.find')}
          </button>
        </div>
      </form>
      {find.error && (
        <>
          <ErrorMessage error={find.error} />
          {find.error.code !== 'invalid_input' && <p className="field-hint">{t('deliveries.ga.notFoundHint')}</p>}
        </>
      )}
      {find.result && !find.error && <JournalEntryCard entry={find.result} />}
    </div>
  );
}
