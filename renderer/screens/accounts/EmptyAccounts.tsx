import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';

/** No accounts yet: add one, or (first run) try the demo workspace against the built-in sandbox. */
export function EmptyAccounts({ onAdd }: { onAdd: () => void }) {
  const t = useT();
  const demo = useAccountsStore((state) => state.demo);
  const createDemo = useAccountsStore((state) => state.createDemo);
  const dismissDemo = useAccountsStore((state) => state.dismissDemo);
  const [busy, setBusy] = useState<'create' | 'dismiss' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const run = async (action: 'create' | 'dismiss') => {
    setBusy(action);
    setError(null);
    try {
      await (action === 'create' ? createDemo() : dismissDemo());
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="empty-state">
      <h2>{t('accounts.empty.title')}</h2>
      <p>{t('accounts.empty.body')}</p>
      <button type="button" className="button button-primary" onClick={onAdd}>
        {t('accounts.add')}
      </button>
      {demo?.offered && (
        <section className="demo-offer" aria-labelledby="demo-offer-title">
          <h3 id="demo-offer-title">{t('demo.title')}</h3>
          <p>{t('demo.body')}</p>
          <p className="message message-info">{t('demo.notReal')}</p>
          {error && <ErrorMessage error={error} />}
          <div className="button-row">
            <button type="button" className="button" onClick={() => run('create')} disabled={busy !== null} aria-busy={busy === 'create'}>
              {busy === 'create' ? t('demo.creating') : t('demo.create')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => run('dismiss')} disabled={busy !== null}>
              {t('demo.dismiss')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
