import { useId, useState, type FormEvent } from 'react';
import type { ChecksumPreview as Preview, ChatpushDeliveryView, IdempotencyChoice, TestMessage } from '../../../../shared/deliveries';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SecretField } from '../../../components/SecretField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { fieldErrorsOf, translateFieldErrors } from '../../../errors/field-errors';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { WebhookUrlField } from '../common/WebhookUrlField';
import { CascadeEditor, cascadeRouting, DEFAULT_CASCADE, type Cascade } from './CascadeEditor';
import { ChecksumPreview } from './ChecksumPreview';
import { StatusExplanation } from './StatusExplanation';
import type { ClientTarget } from './target';

type Form = Omit<TestMessage, 'dispatchRouting'> & { cascade: Cascade; keyKind: IdempotencyChoice['kind']; key: string };
const EMPTY: Form = { phone: '', text: '', cascade: DEFAULT_CASCADE, priority: '', scheduledAt: '', callbackUrl: '', externalId: '', senderName: '', keyKind: 'account', key: '' };
const PRIORITIES = ['', 'high', 'medium', 'low'] as const;
const FIELD_IDS: Record<string, string> = { dispatchRouting: 'test-dispatchRouting', idempotency: 'test-keyKind-account', 'idempotency.key': 'test-key' };

/**
 * §6.1 test send with every documented option, and §6.8 idempotency: the checksum is computed in main (the key
 * never comes back) and shown before sending; a 409 is explained as the duplicate protection it is.
 */
export function TestMessagePanel({ target, accountHasKey, onLookUp }: { target: ClientTarget; accountHasKey: boolean; onLookUp: (deliveryId: number) => void }) {
  const t = useT();
  const id = useId();
  const [form, setForm] = useState<Form>({ ...EMPTY, keyKind: accountHasKey ? 'account' : 'none' });
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sent, setSent] = useState<{ delivery: ChatpushDeliveryView; checksum: string | null } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));

  const request = () => {
    const { cascade, keyKind, key, ...rest } = form;
    const message: TestMessage = {
      ...rest,
      dispatchRouting: cascadeRouting(cascade),
      // datetime-local is the user's local time; main gets an instant and sends it in UTC as §6.1 wants.
      scheduledAt: rest.scheduledAt ? new Date(rest.scheduledAt).toISOString() : '',
    };
    const idempotency: IdempotencyChoice = keyKind === 'given' ? { kind: 'given', key } : { kind: keyKind };
    return { ...target, message, idempotency };
  };

  const run = async (send: boolean) => {
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const input = request();
      setPreview(await call('deliveries.checksum', input));
      if (send) setSent(await call('deliveries.sendTest', input));
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  const fieldErrors = error ? translateFieldErrors(fieldErrorsOf(error, 'message'), t) : {};
  const problem = error && error.code !== 'invalid_input' ? error : null;
  // A 409 is the duplicate protection working, not a failure: said as a warning, with the checksum that was sent.
  const duplicate = problem?.details?.reason === 'duplicate_request';
  const labels: Record<string, string> = {
    phone: t('deliveries.test.phone'),
    text: t('deliveries.test.text'),
    dispatchRouting: t('deliveries.test.cascade'),
    priority: t('deliveries.test.priority'),
    scheduledAt: t('deliveries.test.schedule'),
    callbackUrl: t('deliveries.test.callback'),
    externalId: t('deliveries.test.externalId'),
    senderName: t('deliveries.test.sender'),
    idempotency: t('deliveries.test.idempotency'),
    'idempotency.key': t('deliveries.test.key'),
  };
  const labelOf = (path: string) => labels[path.split('.')[0] === 'dispatchRouting' ? 'dispatchRouting' : path] ?? path;
  const idOf = (path: string) => FIELD_IDS[path.split('.')[0] === 'dispatchRouting' ? 'dispatchRouting' : path] ?? `test-${path}`;
  const errorFor = (path: string) => fieldErrors[path] ?? Object.entries(fieldErrors).find(([key]) => key.startsWith(`${path}.`))?.[1];

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('deliveries.test.intro')}
      </p>
      <ErrorSummary errors={fieldErrors} labelOf={labelOf} idOf={idOf} />
      <div className="field-grid">
        <TextField id="test-phone" label={t('deliveries.test.phone')} hint={t('deliveries.test.phoneHint')} value={form.phone} onChange={(v) => set('phone', v)} inputMode="numeric" error={errorFor('phone')} required />
        <TextField id="test-externalId" label={t('deliveries.test.externalId')} hint={t('deliveries.test.externalIdHint')} value={form.externalId} onChange={(v) => set('externalId', v)} error={errorFor('externalId')} />
      </div>
      <div className={`field${errorFor('text') ? ' field-invalid' : ''}`}>
        <label htmlFor="test-text" className="field-label">
          {t('deliveries.test.text')}
        </label>
        <textarea
          id="test-text"
          className="input"
          rows={3}
          value={form.text}
          onChange={(event) => set('text', event.target.value)}
          aria-required="true"
          aria-invalid={errorFor('text') ? true : undefined}
          aria-describedby={`${id}-text-hint${errorFor('text') ? ` ${id}-text-error` : ''}`}
        />
        <p id={`${id}-text-hint`} className="field-hint">
          {t('deliveries.test.textHint')}
        </p>
        {errorFor('text') && (
          <p id={`${id}-text-error`} className="field-error">
            {errorFor('text')}
          </p>
        )}
      </div>
      <CascadeEditor value={form.cascade} onChange={(cascade) => set('cascade', cascade)} error={errorFor('dispatchRouting')} />
      <div className="field-grid">
        <SelectField
          id="test-priority"
          label={t('deliveries.test.priority')}
          value={form.priority}
          onChange={(v) => set('priority', v)}
          options={PRIORITIES.map((value) => ({ value, label: t(`deliveries.test.priority.${value || 'auto'}`) }))}
        />
        <div className={`field${errorFor('scheduledAt') ? ' field-invalid' : ''}`}>
          <label htmlFor="test-scheduledAt" className="field-label">
            {t('deliveries.test.schedule')}
          </label>
          <input
            id="test-scheduledAt"
            className="input"
            type="datetime-local"
            value={form.scheduledAt}
            onChange={(event) => set('scheduledAt', event.target.value)}
            aria-invalid={errorFor('scheduledAt') ? true : undefined}
            aria-describedby={`${id}-schedule-hint${errorFor('scheduledAt') ? ` ${id}-schedule-error` : ''}`}
          />
          <p id={`${id}-schedule-hint`} className="field-hint">
            {t('deliveries.test.scheduleHint')}
          </p>
          {errorFor('scheduledAt') && (
            <p id={`${id}-schedule-error`} className="field-error">
              {errorFor('scheduledAt')}
            </p>
          )}
        </div>
      </div>
      <div className="field-grid">
        <WebhookUrlField id="test-callbackUrl" label={t('deliveries.test.callback')} hint={t('deliveries.test.callbackHint')} value={form.callbackUrl} onChange={(v) => set('callbackUrl', v)} error={errorFor('callbackUrl')} />
        <TextField id="test-senderName" label={t('deliveries.test.sender')} hint={t('deliveries.test.senderHint')} value={form.senderName} onChange={(v) => set('senderName', v)} error={errorFor('senderName')} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('deliveries.test.idempotency')}</legend>
        <p className="field-hint">{t('deliveries.test.idempotencyHint')}</p>
        {(['account', 'given', 'none'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              id={`test-keyKind-${kind}`}
              name={`${id}-keyKind`}
              value={kind}
              checked={form.keyKind === kind}
              disabled={kind === 'account' && !accountHasKey}
              onChange={() => set('keyKind', kind)}
            />
            {kind === 'account' && !accountHasKey ? t('deliveries.test.idempotency.accountMissing') : t(`deliveries.test.idempotency.${kind}`)}
          </label>
        ))}
        {form.keyKind === 'given' && (
          <SecretField id="test-key" label={t('deliveries.test.key')} hint={t('deliveries.test.keyHint')} value={form.key} onChange={(v) => set('key', v)} error={errorFor('idempotency.key') ?? errorFor('idempotency')} required />
        )}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void run(false)}>
          {t('deliveries.test.preview')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('deliveries.test.sending') : t('deliveries.test.send')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {duplicate && (
          <p className="message message-warning" data-testid="duplicate-explained">
            {t('deliveries.test.duplicate', { checksum: preview?.checksum ?? t('common.none') })}
          </p>
        )}
        {sent && (
          <div className="card" data-testid="test-sent">
            <p>{t('deliveries.test.sent', { id: String(sent.delivery.id), status: `${sent.delivery.statusId} ${sent.delivery.statusDescription ?? ''}`.trim() })}</p>
            {sent.checksum && <p className="mono">{t('deliveries.test.sentChecksum', { checksum: sent.checksum })}</p>}
            <StatusExplanation statusId={sent.delivery.statusId} description={sent.delivery.statusDescription} />
            <button type="button" className="button" onClick={() => onLookUp(sent.delivery.id)}>
              {t('deliveries.test.lookUpSent')}
            </button>
          </div>
        )}
      </div>
      {/* A refused checksum is worded from its reason: what happened and where to copy the key from. */}
      {problem && !duplicate && <ErrorMessage error={problem} />}
      {preview && <ChecksumPreview preview={preview} />}
    </form>
  );
}
