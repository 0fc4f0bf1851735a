import { useEffect } from 'react';
import { api } from '../bridge/client';
import { useAccountsStore } from '../stores/accounts-store';
import { useVaultStore } from '../stores/vault-store';

/** Main's pushes: the vault changing state (locked elsewhere, started fresh) and accounts changing anywhere. */
export function useBridgeEvents() {
  useEffect(() => {
    const offVault = api.vault.onChanged((status) => useVaultStore.getState().apply(status));
    const offAccounts = api.accounts.onChanged(() => {
      // The list needs the vault to mask secrets; a locked vault reloads it on unlock.
      if (useVaultStore.getState().status?.state === 'ready') void useAccountsStore.getState().load();
    });
    return () => {
      offVault();
      offAccounts();
    };
  }, []);
}
