import { GREENAPI_NOTIFICATION_SWITCHES } from '../../../../shared/greenapi-notification-rules';
import type { AuthorizationChange, GreenApiSwitches, GreenApiWebhookSettings } from '../../../../shared/webhooks';
import { changedGreenApiSettings } from '../../providers/greenapi';
import type { GreenApiSettings, GreenApiSettingsPatchInput } from '../../providers/greenapi/schemas';
import { maskSecret, type Redactor } from '../../redactor';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveGreenApiInstance } from '../deliveries/account-targets';

type Target = { accountId: string; instanceId: string };
type Save = { webhookUrl: string; authorization: AuthorizationChange; switches: Partial<GreenApiSwitches> };

/**
 * GREEN-API's webhook settings (specs/greenapi.md §3, §5.2): the URL (empty = HTTP API polling), the Authorization
 * header it sends (webhookUrlToken, a secret: masked on the way out, registered with the redactor on the way in),
 * and the notification switches. Saving writes only what changed, because setSettings restarts the instance.
 */
export function createGreenApiWebhooks(deps: { accounts: AccountsService; clients: ProviderClients; redactor: Redactor }) {
  const instance = async (target: Target) => deps.clients.greenapiInstance((await resolveGreenApiInstance(deps.accounts, target)).instance);

  const view = (settings: GreenApiSettings): GreenApiWebhookSettings => {
    const token = settings.webhookUrlToken ?? '';
    if (token) deps.redactor.add(token);
    const switches = Object.fromEntries(
      GREENAPI_NOTIFICATION_SWITCHES.map((key) => {
        const value = settings[key];
        return [key, value === 'yes' || value === 'no' ? value : null];
      }),
    ) as GreenApiSwitches;
    return { webhookUrl: settings.webhookUrl ?? '', authorization: authorizationView(token), switches };
  };

  return {
    async get(target: Target): Promise<GreenApiWebhookSettings> {
      return view(await (await instance(target)).getSettings());
    },

    async save(target: Target, save: Save): Promise<{ changed: string[]; settings: GreenApiWebhookSettings }> {
      const api = await instance(target);
      const current = await api.getSettings();
      const token = authorizationValue(save.authorization);
      if (token) deps.redactor.add(token);
      const desired = {
        webhookUrl: save.webhookUrl,
        ...(token !== undefined ? { webhookUrlToken: token } : {}),
        ...Object.fromEntries(Object.entries(save.switches).filter(([, value]) => value === 'yes' || value === 'no')),
      } as GreenApiSettingsPatchInput;
      const changed = changedGreenApiSettings(current, desired as Parameters<typeof changedGreenApiSettings>[1]);
      const keys = Object.keys(changed);
      if (keys.length) await api.setSettings(changed as GreenApiSettingsPatchInput);
      return { changed: keys, settings: view({ ...current, ...changed }) };
    },
  };
}

/** §5.2: `Basic <token>` or `Bearer <token>`; a token without a scheme is sent as Bearer (§13.18's reading). */
function authorizationView(token: string): GreenApiWebhookSettings['authorization'] {
  if (!token) return { set: false, scheme: 'none', masked: null };
  const scheme = /^basic\s/i.test(token) ? 'Basic' : /^bearer\s/i.test(token) ? 'Bearer' : 'custom';
  return { set: true, scheme, masked: maskSecret(token).masked };
}

/** The webhookUrlToken to write: undefined keeps the stored one, '' removes it. */
function authorizationValue(change: AuthorizationChange): string | undefined {
  switch (change.kind) {
    case 'keep':
      return undefined;
    case 'clear':
      return '';
    case 'bearer':
      return `Bearer ${change.token}`;
    case 'basic':
      return `Basic ${Buffer.from(`${change.user}:${change.password}`, 'utf8').toString('base64')}`;
  }
}
