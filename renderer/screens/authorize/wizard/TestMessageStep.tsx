import { useState, type FormEvent } from 'react';
import type { WizardAnswer, WizardProgress } from '../../../../shared/auth';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { fieldProblem } from '../field-messages';
import { useStepCall } from './use-step-call';
import { deliveryStatus } from './wizard-answers';

type Sent = CallOutput<'deliveries.sendTest'>;

/** A first message from the new instance (§6.1), through the Deliveries screen's test send, with its status. */
export function TestMessageStep({ progress, onDone }: { progress: WizardProgress; onDone: (progress: WizardProgress) => void }) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [text, setText] = useState(t('authorize.wizard.test.defaultText'));
  const [sent, setSent] = useState<Sent | null>(null);
  const { busy, error, run } = useStepCall();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const tokenId = progress.tokenId;
    if (!tokenId) return;
    const message = { phone, text, dispatchRouting: [], priority: '' as const, scheduledAt: '', callbackUrl: '', externalId: '', senderName: '' };
    const result = await run(() => call('deliveries.sendTest', { accountId: progress.accountId, tokenId, message, idempotency: { kind: 'none' } }));
    if (result) setSent(result);
  };
  const finish = async (outcome: 'done' | 'skipped') => {
    const answer: WizardAnswer | undefined = sent
      ? { code: 'testSent', deliveryId: String(sent.delivery.id), statusId: sent.delivery.statusId, statusDescription: sent.delivery.statusDescription }
      : undefined;
    const next = await run(() => call('auth.wizardAdvance', { from: 'testMessage', outcome, ...(answer ? { answer } : {}) }));
    if (next) onDone(next);
  };

  const phoneProblem = fieldProblem(error, 'phone', t);
  const textProblem = fieldProblem(error, 'text', t);
  return (
    <form onSubmit={(event) => void send(event)} noValidate>
      <p>{t('authorize.wizard.test.intro')}</p>
      {!progress.tokenId && <p className="message message-warning">{t('authorize.wizard.noToken')}</p>}
      <div className="field-grid">
        <TextField id="wizard-test-phone" label={t('authorize.wizard.test.phone')} value={phone} onChange={setPhone} inputMode="numeric" error={phoneProblem ?? undefined} required />
        <TextField id="wizard-test-text" label={t('authorize.wizard.test.text')} value={text} onChange={setText} error={textProblem ?? undefined} required />
      </div>
      {error && !phoneProblem && !textProblem && <ErrorMessage error={error} />}
      {sent && (
        <p className="message message-info" role="status">
          {t('authorize.wizard.test.sent', { id: String(sent.delivery.id), status: deliveryStatus(sent.delivery) })}
        </p>
      )}
      <div className="button-row">
        {!sent && (
          <button type="submit" className="button button-primary" disabled={busy || !progress.tokenId} aria-busy={busy}>
            {t('authorize.wizard.test.send')}
          </button>
        )}
        <button type="button" className={`button${sent ? ' button-primary' : ''}`} disabled={busy} onClick={() => void finish(sent ? 'done' : 'skipped')}>
          {t(sent ? 'authorize.wizard.finish' : 'authorize.wizard.skip')}
        </button>
      </div>
    </form>
  );
}
