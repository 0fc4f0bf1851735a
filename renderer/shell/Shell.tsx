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
const lazyScreen = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));

const SCREENS: Record<ScreenId, ComponentType> = {
  accounts: lazyScreen(async () => (await import('../screens/accounts/AccountsScreen')).AccountsScreen),
  instances: lazyScreen(async () => (await import('../screens/instances/InstancesScreen')).InstancesScreen),
  authorize: lazyScreen(async () => (await import('../screens/authorize/AuthorizeScreen')).AuthorizeScreen),
  settings: lazyScreen(async () => (await import('../screens/settings/SettingsScreen')).SettingsScreen),
  balances: lazyScreen(async () => (await import('../screens/balances/BalancesScreen')).BalancesScreen),
  webhooks: lazyScreen(async () => (await import('../screens/webhooks/WebhooksScreen')).WebhooksScreen),
  deliveries: lazyScreen(async () => (await import('../screens/deliveries/DeliveriesScreen')).DeliveriesScreen),
  audit: lazyScreen(async () => (await import('../screens/audit/AuditScreen')).AuditScreen),
};

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
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <Screen />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
