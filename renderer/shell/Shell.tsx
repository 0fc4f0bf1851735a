import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { MAIN_REGION_ID } from '../components/landmarks';
import { SkipLink } from '../components/SkipLink';
import { useT } from '../i18n/use-t';
import { useBalanceAlerts } from '../screens/balances/use-balance-alerts';
import { useAccountsStore } from '../stores/accounts-store';
import { recordJobProgress } from '../stores/jobs-store';
import { Header } from './Header';
import { Navigation } from './Navigation';
import type { ScreenId } from './screens';
import { useHashRoute } from './use-hash-route';
import { useScreenShortcuts } from './use-screen-shortcuts';

/** One chunk per screen: the first paint loads the shell and the screen shown, not all eight. */
const LOADERS: Record<ScreenId, () => Promise<ComponentType>> = {
  accounts: async () => (await import('../screens/accounts/AccountsScreen')).AccountsScreen,
  instances: async () => (await import('../screens/instances/InstancesScreen')).InstancesScreen,
  authorize: async () => (await import('../screens/authorize/AuthorizeScreen')).AuthorizeScreen,
  settings: async () => (await import('../screens/settings/SettingsScreen')).SettingsScreen,
  balances: async () => (await import('../screens/balances/BalancesScreen')).BalancesScreen,
  webhooks: async () => (await import('../screens/webhooks/WebhooksScreen')).WebhooksScreen,
  deliveries: async () => (await import('../screens/deliveries/DeliveriesScreen')).DeliveriesScreen,
  audit: async () => (await import('../screens/audit/AuditScreen')).AuditScreen,
};
const SCREENS: Record<ScreenId, ComponentType> = Object.fromEntries(
  Object.entries(LOADERS).map(([id, load]): [string, ComponentType] => [id, lazy(async () => ({ default: await load() }))]),
) as Record<ScreenId, ComponentType>;

/** Once the first screen is up, the others are fetched in the background, so switching shows no "Loading…". */
const PREFETCH_AFTER_MS = 1500;

/** The console once the vault is open: header, navigation, and the current screen under its title. */
export function Shell() {
  const t = useT();
  const [screen, navigate] = useHashRoute();
  useScreenShortcuts(navigate);
  useBalanceAlerts();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(screen);

  useEffect(() => {
    void useAccountsStore.getState().load();
  }, []);
  useEffect(recordJobProgress, []);
  useEffect(() => {
    const timer = setTimeout(() => Object.values(LOADERS).forEach((load) => void load().catch(() => undefined)), PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  // After a navigation, focus the new screen's title so screen readers announce it and Tab starts there.
  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    heading.current?.focus();
  }, [screen]);

  const Screen = SCREENS[screen];
  return (
    <div className="app">
      <SkipLink />
      <Header />
      <div className="app-body">
        <Navigation current={screen} />
        <main id={MAIN_REGION_ID} className="screen" tabIndex={-1} aria-labelledby="screen-title">
          <h1 id="screen-title" ref={heading} tabIndex={-1}>
            {t(`screen.${screen}.title`)}
          </h1>
          <Suspense
            fallback={
              <p role="status" aria-busy="true">
                {t('common.loading')}
              </p>
            }
          >
            {/* Rendered only once the screen's chunk is in: what is shown is this screen, not the last one hidden. */}
            <div className="screen-content" data-screen={screen}>
              <Screen />
            </div>
          </Suspense>
        </main>
      </div>
    </div>
  );
}
