import { useEffect, useRef, type ComponentType } from 'react';
import { MAIN_REGION_ID } from '../components/landmarks';
import { SkipLink } from '../components/SkipLink';
import { useT } from '../i18n/use-t';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { AuthorizeScreen } from '../screens/authorize/AuthorizeScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { BalancesScreen } from '../screens/balances/BalancesScreen';
import { useBalanceAlerts } from '../screens/balances/use-balance-alerts';
import { DeliveriesScreen } from '../screens/deliveries/DeliveriesScreen';
import { InstancesScreen } from '../screens/instances/InstancesScreen';
import { WebhooksScreen } from '../screens/webhooks/WebhooksScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { useAccountsStore } from '../stores/accounts-store';
import { Header } from './Header';
import { Navigation } from './Navigation';
import type { ScreenId } from './screens';
import { useHashRoute } from './use-hash-route';
import { useScreenShortcuts } from './use-screen-shortcuts';

const SCREENS: Record<ScreenId, ComponentType> = {
  accounts: AccountsScreen,
  instances: InstancesScreen,
  authorize: AuthorizeScreen,
  settings: SettingsScreen,
  balances: BalancesScreen,
  webhooks: WebhooksScreen,
  deliveries: DeliveriesScreen,
  audit: AuditScreen,
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
          <Screen />
        </main>
      </div>
    </div>
  );
}
