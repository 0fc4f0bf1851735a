import { NetworkSettingsViewSchema, NetworkTestInputSchema, NetworkTestResultSchema, ProxySettingsInputSchema } from '../network-settings';
import { call, Empty } from './define';

/** The console's network setting (the proxy for provider traffic); the proxy password goes in once and never back. */
export const networkCalls = {
  'network.get': call(Empty, NetworkSettingsViewSchema),
  'network.update': call(ProxySettingsInputSchema, NetworkSettingsViewSchema, { audit: true }),
  /** An account's connection test under the saved setting, with the proxy its first address goes through. */
  'network.test': call(NetworkTestInputSchema, NetworkTestResultSchema),
} as const;
