import { CHAT2DESK_DEFAULT_BASE_URL } from '../../../../shared/providers';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { secretProblem, useFieldBinding, type ProviderFieldsProps } from './provider-fields';

/** Chat2Desk: one account token, sent in the Authorization header to the v1 API. */
export function Chat2deskFields({ form, onChange, errors, saved }: ProviderFieldsProps<'chat2desk'>) {
  const t = useT();
  const bind = useFieldBinding('chat2desk', errors);
  return (
    <>
      <SecretField
        {...bind('apiToken')}
        value={form.apiToken}
        onChange={(apiToken) => onChange({ ...form, apiToken })}
        storedMask={saved?.apiToken.masked}
        problem={secretProblem(saved, 'apiToken')}
        hint={t('chat2desk.apiTokenHint')}
        required
      />
      <TextField
        {...bind('baseUrl')}
        type="url"
        value={form.baseUrl}
        onChange={(baseUrl) => onChange({ ...form, baseUrl })}
        hint={t('chat2desk.baseUrlHint', { url: CHAT2DESK_DEFAULT_BASE_URL })}
        required
      />
    </>
  );
}
