import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { CallInput } from '../../../../shared/contract';
import type { InspectResult } from '../../../../shared/webhook-tester';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SecretField } from '../../../components/SecretField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { providerName } from '../../../i18n/provider-names';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { inspectProblemText, problemPlace } from './inspect-problem-text';
import { JsonTree } from './JsonTree';

type Form = { body: string; signature: string; timestamp: string; key: string; md5: string };

/** Paste what a receiver got: which provider and type it is, whether it has the documented shape, and its signature. */
export function InspectPayloadForm({ accounts }: { accounts: readonly AccountView[] }) {
  const t = useT();
  const id = useId();
  const chat2desk = accounts.filter((account) => account.provider === 'chat2desk');
  const [form, setForm] = useState<Form>({ body: '', signature: '', timestamp: '', key: 'none', md5: '' });
  const inspect = useAction(useCallback((input: CallInput<'webhooks.testerInspect'>) => call('webhooks.testerInspect', input), []));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = form.key === 'none' ? { kind: 'none' as const } : form.key === 'md5' ? { kind: 'md5' as const, key: form.md5 } : { kind: 'account' as const, accountId: form.key };
    void inspect.run({ body: form.body, signature: form.signature, timestamp: form.timestamp, key });
  };
  const result = inspect.result;

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('webhooks.tester.inspect.intro')}
      </p>
      <div className="field">
        <label htmlFor="tester-payload" className="field-label">
          {t('webhooks.tester.payload')}
        </label>
        <textarea id="tester-payload" className="input textarea" rows={8} value={form.body} onChange={(event) => set('body', event.target.value)} spellCheck={false} aria-required="true" />
      </div>
      <div className="field-grid">
        <TextField id="tester-signature" label={t('webhooks.tester.signature')} value={form.signature} onChange={(v) => set('signature', v)} />
        <TextField id="tester-timestamp" label={t('webhooks.tester.timestamp')} value={form.timestamp} onChange={(v) => set('timestamp', v)} inputMode="numeric" />
        <SelectField
          id="tester-key"
          label={t('webhooks.tester.key')}
          value={form.key}
          onChange={(v) => set('key', v)}
          options={[
            { value: 'none', label: t('webhooks.tester.key.none') },
            ...chat2desk.map((account) => ({ value: account.id, label: t('webhooks.tester.key.account', { name: account.name }) })),
            { value: 'md5', label: t('webhooks.tester.key.md5') },
          ]}
        />
        {form.key === 'md5' && <SecretField id="tester-md5" label={t('webhooks.tester.md5')} hint={t('webhooks.tester.md5Hint')} value={form.md5} onChange={(v) => set('md5', v)} required />}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={inspect.busy || !form.body} aria-busy={inspect.busy}>
          {t('webhooks.tester.inspect')}
        </button>
      </div>
      {inspect.error && <ErrorMessage error={inspect.error} />}
      {result && !inspect.error && <InspectResultView result={result} />}
    </form>
  );
}

function InspectResultView({ result }: { result: InspectResult }) {
  const t = useT();
  const signature = result.signature;
  return (
    <section className="card" aria-label={t('webhooks.tester.tree')} data-testid="inspect-result">
      <div role="status">
        {result.parseError ? (
          <p className="message message-error" data-testid="inspect-not-json">
            {inspectProblemText(result.parseError, t)}
          </p>
        ) : result.provider ? (
          <p className="status-line">
            <strong data-testid="inspect-recognised">{t('webhooks.tester.recognised', { provider: providerName(result.provider), type: result.type ?? '?' })}</strong>
            {result.variant && <span className="badge badge-neutral">{t('webhooks.tester.variantNote', { variant: variantText(result.variant, t) })}</span>}
          </p>
        ) : (
          <p className="message message-warning">{t('webhooks.tester.unrecognised')}</p>
        )}
        {result.provider && (result.valid ? <p>{t('webhooks.tester.shapeOk')}</p> : null)}
        {result.problems.length > 0 && (
          <div className="message message-warning">
            {result.provider && <p>{t('webhooks.tester.shapeProblems')}</p>}
            <ul data-testid="inspect-problems">
              {result.problems.map((problem, index) => (
                <li key={`${problem.path}-${problem.code}-${index}`}>
                  <span className="mono">{problemPlace(problem, t)}</span>: {inspectProblemText(problem, t)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {(signature.checked || signature.reason) && (
          <p className={`message ${signature.valid ? 'message-info' : 'message-error'}`} data-testid="signature-result">
            <span aria-hidden="true">{signature.valid ? '✓ ' : '✕ '}</span>
            {signature.valid ? t('webhooks.tester.sig.valid') : t(`webhooks.tester.sig.${signature.reason ?? 'mismatch'}`)}
          </p>
        )}
      </div>
      {!result.parseError && <JsonTree value={result.json} label={t('webhooks.tester.tree')} />}
    </section>
  );
}

/** The Chategy/Jetapi variant in words; a variant this build does not know as main named it. */
function variantText(variant: string, t: Translate): string {
  return variant === 'developer' || variant === 'individual' ? t(`webhooks.tester.variant.${variant}`) : variant;
}
