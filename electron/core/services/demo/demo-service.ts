import type { AccountView } from '../../../../shared/accounts';
import { sandboxAccountDrafts, type Sandbox } from '../../sandbox';
import type { AccountsService } from '../accounts/accounts-service';
import type { SettingsService } from '../settings/settings-service';

/**
 * The first-run offer: with no accounts, the console proposes one account per provider against the built-in
 * sandbox, each marked `sandbox` so every screen labels it as demo data.
 */
export function createDemoService(deps: { accounts: AccountsService; settings: SettingsService; sandbox: () => Promise<Sandbox> }) {
  return {
    status() {
      const records = deps.accounts.records();
      return { offered: records.length === 0 && !deps.settings.get().demoDismissed, active: records.some((r) => r.sandbox) };
    },

    async create(): Promise<AccountView[]> {
      const created: AccountView[] = [];
      for (const draft of sandboxAccountDrafts(await deps.sandbox())) {
        created.push(await deps.accounts.create(draft, { sandbox: true }));
      }
      return created;
    },

    dismiss() {
      deps.settings.update({ demoDismissed: true });
    },
  };
}
