import type { AccountView } from '../../../../shared/accounts';
import type { ProviderId } from '../../../../shared/providers';
import type { SecretProblem } from '../../../components/SecretField';
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

/** What is wrong with the stored secret at `path`, if anything: it failed the vault's integrity check, or the vault does not hold it. */
export function secretProblem(saved: AccountView | null, path: string): SecretProblem | undefined {
  if (saved?.damagedSecrets.includes(path)) return 'damaged';
  if (saved?.missingSecrets.includes(path)) return 'missing';
  return undefined;
}

/**
 * A row field's path in the saved account (`instances.2.apiTokenInstance`). Rows are matched by entry id: they may
 * have moved since the form opened. '' for a row that is not saved yet.
 */
export function savedRowPath(entries: readonly { id: string }[] | undefined, id: string | undefined, list: string, field: string) {
  const index = entries?.findIndex((entry) => entry.id === id) ?? -1;
  return index === -1 ? '' : `${list}.${index}.${field}`;
}

/** id, label and error of the field at `path`, to spread onto a TextField or SecretField. */
export function useFieldBinding(provider: ProviderId, errors: FieldErrors) {
  const t = useT();
  return (path: string) => ({ id: fieldId(path), label: fieldLabel(provider, path, t), error: errors[path] });
}
