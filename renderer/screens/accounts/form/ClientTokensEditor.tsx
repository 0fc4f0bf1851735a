import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { emptyClientTokenRow } from './account-form';
import { fieldId, fieldLabel } from './field-labels';
import { secretProblem, savedRowPath, useFieldBinding, type ProviderFieldsProps } from './provider-fields';

/** Optional client (Bearer) tokens: each unlocks one customer's balance, deliveries, MAX login and webhooks. */
export function ClientTokensEditor({ form, onChange, errors, saved }: ProviderFieldsProps<'chatpush'>) {
  const t = useT();
  const bind = useFieldBinding('chatpush', errors);
  const rows = form.clientTokens;
  const setRow = (index: number, patch: Partial<(typeof rows)[number]>) =>
    onChange({ ...form, clientTokens: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  return (
    <fieldset className="fieldset">
      <legend>{t('chatpush.clientTokens')}</legend>
      <p className="field-hint">{t('chatpush.clientTokensHint')}</p>
      {rows.length > 0 && (
        <ul className="row-list">
          {rows.map((row, index) => (
            <li key={row.rowKey} className="row-list-item">
              <TextField {...bind(`clientTokens.${index}.label`)} value={row.label} onChange={(label) => setRow(index, { label })} />
              <SecretField
                {...bind(`clientTokens.${index}.token`)}
                value={row.token}
                onChange={(token) => setRow(index, { token })}
                storedMask={saved?.clientTokens.find((entry) => entry.id === row.id)?.token.masked}
                problem={secretProblem(saved, savedRowPath(saved?.clientTokens, row.id, 'clientTokens', 'token'))}
                required
              />
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('common.removeNamed', { name: fieldLabel('chatpush', `clientTokens.${index}`, t) })}
                onClick={() => onChange({ ...form, clientTokens: rows.filter((_, i) => i !== index) })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {errors.clientTokens && <p className="field-error">{errors.clientTokens}</p>}
      <button
        type="button"
        id={fieldId('clientTokens')}
        className="button"
        onClick={() => onChange({ ...form, clientTokens: [...rows, emptyClientTokenRow()] })}
      >
        {t('chatpush.addClientToken')}
      </button>
    </fieldset>
  );
}
