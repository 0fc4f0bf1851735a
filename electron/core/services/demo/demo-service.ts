import type { AccountDraft, AccountView } from '../../../../shared/accounts';
import type { AccountsService } from '../accounts/accounts-service';
import type { SettingsService } from '../settings/settings-service';
import type { SandboxUrls } from '../accounts/sandbox-hosts';

/** The credentials the sandbox accepts for its demo workspace. */
export interface DemoCredentials {
  chatpush: { apiKey: string; clientTokens: { label: string; token: string }[] };
  greenapi: { idInstance: string; apiTokenInstance: string }[];
  chat2desk: { apiToken: string };
  chatti: { apiKey: string; probePath: string };
}

/**
 * The first-run offer: with no accounts, the console proposes one account per provider against the built-in
 * sandbox, each marked `sandbox` so every screen labels it as demo data.
 */
export function createDemoService(deps: {
  accounts: AccountsService;
  settings: SettingsService;
  sandbox: () => Promise<{ urls: SandboxUrls; demo: DemoCredentials }>;
}) {
  return {
    status() {
      const records = deps.accounts.records();
      return { offered: records.length === 0 && !deps.settings.get().demoDismissed, active: records.some((r) => r.sandbox) };
    },

    async create(): Promise<AccountView[]> {
      const { urls, demo } = await deps.sandbox();
      const drafts: AccountDraft[] = [
        {
          provider: 'chatpush',
          name: 'Demo — Jetapi',
          brand: 'custom',
          hosts: urls.chatpush,
          apiKey: demo.chatpush.apiKey,
          clientTokens: demo.chatpush.clientTokens.map((t) => ({ label: t.label, token: t.token, id: undefined })),
          wsOrigin: '',
          idempotencyKey: undefined,
        },
        {
          provider: 'greenapi',
          name: 'Demo — GREEN-API',
          instances: demo.greenapi.map((i) => ({ ...i, label: '', ...urls.greenapi, id: undefined })),
        },
        { provider: 'chat2desk', name: 'Demo — Chat2Desk', baseUrl: urls.chat2desk.baseUrl, apiToken: demo.chat2desk.apiToken },
        { provider: 'chatti', name: 'Demo — Chatti', baseUrl: urls.chatti.baseUrl, ...demo.chatti },
      ];
      const created: AccountView[] = [];
      for (const draft of drafts) created.push(await deps.accounts.create(draft, { sandbox: true }));
      return created;
    },

    dismiss() {
      deps.settings.update({ demoDismissed: true });
    },
  };
}
