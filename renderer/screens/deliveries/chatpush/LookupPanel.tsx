import { useCallback, useState, type FormEvent } from 'react';
import type { ChatpushDeliveryView } from '../../../../shared/deliveries';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../../components/use-action';
import { DeliveryCard } from './DeliveryCard';
import type { ClientTarget } from './target';

/** Look up one delivery by id (§6.3). The id field is the parent's, so another panel (a test send) can fill it. */
export function LookupPanel({ target, idField, onIdChange }: { target: ClientTarget; idField: string; onIdChange: (value: string) => void }) {
  const t = useT();
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState<ChatpushDeliveryView | null>(null);
  const lookup = useAction(useCallback((deliveryId: number) => call('deliveries.lookup', { ...target, deliveryId }), [target]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = /^\d{1,15}$/.test(idField.trim()) ? Number(idField.trim()) : 0;
    setInvalid(id <= 0);
    if (id <= 0) return;
    const found = await lookup.run(id);
    setShown(found ?? null);
  };

  return (
    <div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField
          id="delivery-id"
          label={t('deliveries.deliveryId')}
          hint={t('deliveries.deliveryIdHint')}
          value={idField}
          onChange={onIdChange}
          inputMode="numeric"
          error={invalid ? t('deliveries.idInvalid') : undefined}
          required
        />
        <button type="submit" className="button button-primary" disabled={lookup.busy} aria-busy={lookup.busy}>
          {lookup.busy ? t('deliveries.lookingUp') : t('deliveries.lookUp')}
        </button>
      </form>
      {lookup.error && <ErrorMessage error={lookup.error} />}
      {shown && !lookup.error && <DeliveryCard key={shown.id} delivery={shown} target={target} onChanged={setShown} />}
    </div>
  );
}
