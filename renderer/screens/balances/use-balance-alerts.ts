import { useEffect } from 'react';
import type { Alert } from '../../../shared/balances';
import { api } from '../../bridge/client';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';
import { useMoneyFormat } from '../instances/money-format';

export function alertText(alert: Alert, t: Translate, money: (amount: string) => string): string {
  const ids = alert.instanceIds.join(', ') + (alert.count > alert.instanceIds.length ? ', …' : '');
  switch (alert.kind) {
    case 'lowBalance':
      return t('alert.lowBalance', { account: alert.accountName, balance: alert.balance ? money(alert.balance) : '', threshold: alert.threshold ? money(alert.threshold) : '' });
    case 'expiring':
      return t('alert.expiring', { account: alert.accountName, count: alert.count, ids });
    case 'leftAuthorized':
      return t('alert.leftAuthorized', { account: alert.accountName, count: alert.count, ids });
  }
}

/**
 * What a refresh warns about, wherever the user is: in the page's notice area (web mode and Electron alike; an OS
 * notification from Electron needs the main process, see the report). Errors-toned so they stay until dismissed.
 */
export function useBalanceAlerts(): void {
  const t = useT();
  const money = useMoneyFormat();
  useEffect(
    () =>
      api.balances.onAlerted(({ alerts }) => {
        for (const alert of alerts) useNoticeStore.getState().announce(alertText(alert, t, money), 'error');
      }),
    [t, money],
  );
}
