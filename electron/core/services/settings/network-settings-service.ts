import { DEFAULT_PROXY_SETTINGS, ProxySettingsSchema, type NetworkSettingsView, type ProxySettings, type ProxySettingsInputSchema } from '../../../../shared/network-settings';
import type { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { environmentProxies, type ProxyConfig } from '../../providers/http';
import { maskSecret } from '../../redactor';
import type { SecretVault } from '../../vault/types';

const KEY = 'network';
/** The proxy password's id in the vault; the rest of the setting is in the plain store under KEY. */
export const PROXY_PASSWORD_ID = 'app:network:proxyPassword';

type Input = z.output<typeof ProxySettingsInputSchema>;

/**
 * The console's network setting (Network in the header): the proxy for provider traffic. `proxy()` is what every
 * transport reads on every call and socket, so a saved change applies to the next request without a restart.
 */
export function createNetworkSettingsService(deps: { store: KeyValueStore; vault: SecretVault; env?: NodeJS.ProcessEnv }) {
  // The plain store reads its file on every get: kept here, written through on update.
  let cached: ProxySettings | undefined;
  const stored = (): ProxySettings => {
    if (!cached) {
      const parsed = ProxySettingsSchema.safeParse(deps.store.get(KEY) ?? DEFAULT_PROXY_SETTINGS);
      cached = parsed.success ? parsed.data : DEFAULT_PROXY_SETTINGS;
    }
    return cached;
  };
  /** Undefined while the vault is locked or the entry is damaged: the proxy then answers 407, which says what to fix. */
  const password = (): string | undefined => {
    if (deps.vault.status().state !== 'ready') return undefined;
    try {
      return deps.vault.get(PROXY_PASSWORD_ID);
    } catch {
      return undefined;
    }
  };
  const view = (): NetworkSettingsView => {
    const secret = password();
    return { ...stored(), password: secret ? maskSecret(secret) : null, environment: environmentProxies(deps.env) };
  };

  return {
    view,
    async update(input: Input): Promise<NetworkSettingsView> {
      const { password: typed, ...settings } = input;
      // The secret first: a setting that names a user must never be stored pointing at a password that failed to save.
      if (!settings.username || typed === null) await deps.vault.delete([PROXY_PASSWORD_ID]);
      else if (typeof typed === 'string') await deps.vault.set({ [PROXY_PASSWORD_ID]: typed });
      deps.store.set(KEY, settings);
      cached = settings;
      return view();
    },
    proxy(): ProxyConfig {
      const setting = stored();
      if (setting.mode !== 'manual') return { mode: setting.mode };
      return {
        mode: 'explicit',
        url: setting.url,
        ...(setting.username ? { username: setting.username, password: password() ?? '' } : {}),
        noProxy: setting.bypass,
      };
    },
  };
}
export type NetworkSettingsService = ReturnType<typeof createNetworkSettingsService>;
