import { useEffect, useState, type FormEvent } from 'react';
import type { WizardProgress } from '../../../../shared/auth';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { fieldProblem } from '../field-messages';
import { useStepCall } from './use-step-call';

/** The types worth having from the start: the link going up or down, and the messages with their statuses. */
const SUGGESTED = ['whatsapp_log_in', 'whatsapp_log_out', 'whatsapp_incoming_msg', 'whatsapp_status_msg'];

/**
 * The new instance's own webhook (§5.1, individual: its client token), through the Webhooks screen's call, so the
 * same checks of the URL and the types apply.
 */
export function WebhooksStep({ progress, onDone }: { progress: WizardProgress; onDone: (progress: WizardProgress) => void }) {
  const t = useT();
  const [types, setTypes] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>(SUGGESTED);
  const [url, setUrl] = useState('');
  const { busy, error, run } = useStepCall();

  useEffect(() => {
    void call('webhooks.catalogue', {}).then((catalogue) => setTypes(catalogue.chatpush.types.map((entry) => entry.type)), () => setTypes(SUGGESTED));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tokenId = progress.tokenId;
    if (!tokenId) return;
    const created = await run(async () => {
      const webhook = await call('webhooks.chatpushCreate', { accountId: progress.accountId, scope: { kind: 'individual', tokenId }, url, types: chosen });
      return call('auth.wizardAdvance', { from: 'webhooks', outcome: 'done', answer: { code: 'webhookCreated', webhookId: String(webhook.id), types: webhook.types } });
    });
    if (created) onDone(created);
  };
  const skip = async () => {
    const next = await run(() => call('auth.wizardAdvance', { from: 'webhooks', outcome: 'skipped' }));
    if (next) onDone(next);
  };

  const urlProblem = fieldProblem(error, 'url', t);
  const typesProblem = fieldProblem(error, 'types', t);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('authorize.wizard.webhooks.intro')}</p>
      {!progress.tokenId && <p className="message message-warning">{t('authorize.wizard.noToken')}</p>}
      <TextField id="wizard-webhook" label={t('authorize.wizard.webhooks.url')} type="url" value={url} onChange={setUrl} placeholder="https://" error={urlProblem ?? undefined} required />
      <fieldset className="fieldset">
        <legend>{t('authorize.wizard.webhooks.types')}</legend>
        <div className="checkbox-row">
          {(types.length ? types : SUGGESTED).map((type) => (
            <label key={type} className="checkbox mono">
              <input
                type="checkbox"
                checked={chosen.includes(type)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, type] : chosen.filter((item) => item !== type))}
              />
              {type}
            </label>
          ))}
        </div>
        {typesProblem && <p className="field-error">{typesProblem}</p>}
      </fieldset>
      {error && !urlProblem && !typesProblem && <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || !progress.tokenId} aria-busy={busy}>
          {t('authorize.wizard.webhooks.submit')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void skip()}>
          {t('authorize.wizard.skip')}
        </button>
      </div>
    </form>
  );
}
