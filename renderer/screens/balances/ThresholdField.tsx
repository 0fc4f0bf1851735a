import { useState } from 'react';
import type { AccountBalance, BalancesView } from '../../../shared/balances';
import { isMoney } from '../../../shared/money';
import { call } from '../../bridge/client';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';

/** The balance below which a refresh warns; checked here as an amount before it is sent, kept as typed on failure. */
export function ThresholdField({ account, onSaved }: { account: AccountBalance; onSaved: (view: BalancesView) => void }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [value, setValue] = useState(account.threshold ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `threshold-${account.accountId}`;

  const save = async () => {
    const threshold = value.trim() === '' ? null : value.trim().replace(/\s/g, '');
    if (threshold !== null && !isMoney(threshold)) return setProblem(t('balances.thresholdInvalid'));
    setProblem(null);
    setBusy(true);
    try {
      onSaved(await call('balances.setThreshold', { accountId: account.accountId, threshold }));
      announce(t('balances.thresholdSaved', { account: account.accountName }));
    } catch (error) {
      setProblem(t('balances.thresholdFailed', { reason: describeError(toAppError(error), t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={`threshold-form${problem ? ' field-invalid' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('balances.thresholdLabel', { account: account.accountName })}
      </label>
      <input
        id={id}
        className="input threshold-input"
        inputMode="decimal"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        autoComplete="off"
      />
      <button type="submit" className="button" disabled={busy} aria-busy={busy}>
        {t('balances.thresholdSave')}
      </button>
      <p id={`${id}-hint`} className="visually-hidden">
        {t('balances.thresholdHint')}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}
