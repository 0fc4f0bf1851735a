import type { AccountView } from '../../../../shared/accounts';
import type { Capability } from '../../../../shared/providers';
import { SelectField } from '../../../components/SelectField';
import { providerName } from '../../../i18n/provider-names';

/** The accounts that can do what the screen offers (by capability), named with their provider. */
export function accountsWith(accounts: readonly AccountView[] | null, capability: Capability): AccountView[] {
  return (accounts ?? []).filter((account) => account.capabilities.includes(capability));
}

export function AccountPicker({ id, label, accounts, value, onChange }: {
  id: string;
  label: string;
  accounts: readonly AccountView[];
  value: string;
  onChange: (accountId: string) => void;
}) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={accounts.map((account) => ({ value: account.id, label: `${account.name} (${providerName(account.provider)})` }))}
    />
  );
}

/** A list entry picker (client token, GREEN-API instance): label, or the entry's own id when it has none. */
export function EntryPicker({ id, label, hint, entries, value, onChange }: {
  id: string;
  label: string;
  hint?: string;
  entries: readonly { id: string; label: string }[];
  value: string;
  onChange: (entryId: string) => void;
}) {
  return <SelectField id={id} label={label} hint={hint} value={value} onChange={onChange} options={entries.map((entry) => ({ value: entry.id, label: entry.label }))} />;
}
