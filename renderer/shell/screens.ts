/** The screens, in navigation order: Alt+1 … Alt+8 follow this order. */
export const SCREEN_IDS = ['accounts', 'instances', 'authorize', 'settings', 'balances', 'webhooks', 'deliveries', 'audit'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export const DEFAULT_SCREEN: ScreenId = 'accounts';

export const screenHref = (screen: ScreenId) => `#/${screen}`;

export function screenFromHash(hash: string): ScreenId {
  const name = hash.replace(/^#\/?/, '');
  return (SCREEN_IDS as readonly string[]).includes(name) ? (name as ScreenId) : DEFAULT_SCREEN;
}
