import type { AccountView } from '../../../../shared/accounts';
import type { ProviderId } from '../../../../shared/providers';
import type { FieldErrors } from '../../../errors/field-errors';
import { useT } from '../../../i18n/use-t';
import type { FormOf } from './account-form';
import { fieldId, fieldLabel } from './field-labels';

/** What every provider's part of the account form receives. */
export type ProviderFieldsProps<P extends ProviderId> = {
  form: FormOf<P>;
  onChange: (next: FormOf<P>) => void;
  errors: FieldErrors;
  /** The saved account when editing: its masks stand in for secrets left empty. */
  saved: Extract<AccountView, { provider: P }> | null;
};

/** id, label and error of the field at `path`, to spread onto a TextField or SecretField. */
export function useFieldBinding(provider: ProviderId, errors: FieldErrors) {
  const t = useT();
  return (path: string) => ({ id: fieldId(path), label: fieldLabel(provider, path, t), error: errors[path] });
}
