import { CHATTI_DEFAULT_PROBE_PATH } from '../../../../shared/providers';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { secretProblem, useFieldBinding, type ProviderFieldsProps } from './provider-fields';

/**
 * Chatti documents conventions only (x-api-key, pagination, status codes), no endpoints and no base URL: the
 * user supplies both, and the connection test is a GET to a read-only path of their choosing.
 */
export function ChattiFields({ form, onChange, errors, saved }: ProviderFieldsProps<'chatti'>) {
  const t = useT();
  const bind = useFieldBinding('chatti', errors);
  return (
    <>
      <p className="message message-info">{t('chatti.undocumented')}</p>
      <SecretField
        {...bind('apiKey')}
        value={form.apiKey}
        onChange={(apiKey) => onChange({ ...form, apiKey })}
        storedMask={saved?.apiKey.masked}
        problem={secretProblem(saved, 'apiKey')}
        required
      />
      <TextField
        {...bind('baseUrl')}
        type="url"
        value={form.baseUrl}
        onChange={(baseUrl) => onChange({ ...form, baseUrl })}
        placeholder="https://api.example.com"
        hint={t('chatti.baseUrlHint')}
        required
      />
      <TextField
        {...bind('probePath')}
        value={form.probePath}
        onChange={(probePath) => onChange({ ...form, probePath })}
        hint={t('chatti.probePathHint', { path: CHATTI_DEFAULT_PROBE_PATH })}
        required
      />
    </>
  );
}
