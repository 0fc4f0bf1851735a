import { useCallback, useState, type FormEvent } from 'react';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import type { ClientTarget } from './target';

/** §6.5 operators/search: the operator and the number as the platform formats it. */
export function NumberLookupPanel({ target }: { target: ClientTarget }) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const search = useAction(useCallback((value: string) => call('deliveries.searchOperator', { ...target, phone: value }), [target]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search.run(phone);
  };
  const operator = search.result?.operator;
  return (
    <div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField id="number-phone" label={t('deliveries.number.phone')} hint={t('deliveries.number.phoneHint')} value={phone} onChange={setPhone} inputMode="numeric" required />
        <button type="submit" className="button button-primary" disabled={search.busy || !phone.trim()} aria-busy={search.busy}>
          {t('deliveries.number.search')}
        </button>
      </form>
      {search.error && <ErrorMessage error={search.error} />}
      {search.result && (
        <dl className="facts card" data-testid="operator-result">
          <dt>{t('deliveries.number.formatted')}</dt>
          <dd className="mono">{search.result.formattedPhone ?? t('common.none')}</dd>
          {operator ? (
            <>
              <dt>{t('deliveries.number.operator')}</dt>
              <dd>{operator.name ?? operator.slug ?? operator.id}</dd>
              <dt>{t('deliveries.number.brand')}</dt>
              <dd>{operator.brandName ?? t('common.none')}</dd>
              <dt>{t('deliveries.number.country')}</dt>
              <dd>{operator.country ?? t('common.none')}</dd>
            </>
          ) : (
            <dd>{t('deliveries.number.notFound')}</dd>
          )}
        </dl>
      )}
    </div>
  );
}
