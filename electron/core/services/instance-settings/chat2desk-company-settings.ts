import type { Chat2DeskCompanyChanges, Chat2DeskCompanySettings } from '../../../../shared/instance-settings';
import type { AccountsService } from '../accounts/accounts-service';
import { resolveChat2Desk } from '../deliveries/account-targets';
import type { ProviderClients } from '../provider-clients';

const INFO_KEYS = ['1', '2', '3'] as const;

/** Chat2Desk company settings (spec A7): working mode via switch_mode, custom info via PUT companies. */
export function createChat2DeskCompanySettings(deps: { accounts: AccountsService; clients: ProviderClients }) {
  const client = async (accountId: string) => deps.clients.chat2desk(await resolveChat2Desk(deps.accounts, accountId));
  const read = async (api: Awaited<ReturnType<typeof client>>): Promise<Chat2DeskCompanySettings> => {
    const [company, info] = await Promise.all([api.getCompanyInfo(), api.getApiInfo()]);
    const custom = info.customInfo ?? {};
    return { companyName: company.name, workingMode: company.workingMode, customInfo: { '1': custom['1'] ?? '', '2': custom['2'] ?? '', '3': custom['3'] ?? '' } };
  };
  return {
    get: async (accountId: string) => read(await client(accountId)),
    async save(accountId: string, changes: Chat2DeskCompanyChanges) {
      const api = await client(accountId);
      const current = await read(api);
      const changed: string[] = [];
      if (changes.workingMode && changes.workingMode !== current.workingMode) {
        await api.switchWorkingMode(changes.workingMode);
        changed.push('workingMode');
      }
      const info = Object.fromEntries(INFO_KEYS.flatMap((key) => {
        const value = changes.customInfo?.[key];
        return value !== undefined && value !== current.customInfo[key] ? [[key, value]] : [];
      }));
      if (Object.keys(info).length) {
        await api.setCustomInfo(info);
        changed.push(...Object.keys(info).map((key) => `customInfo.${key}`));
      }
      return { changed, settings: changed.length ? await read(api) : current };
    },
  };
}
