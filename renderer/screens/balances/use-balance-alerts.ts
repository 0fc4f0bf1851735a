import { useEffect } from 'react';
import type { Alert } from '../../../shared/balances';
import { NOTIFICATION_BODY_MAX } from '../../../shared/calls/notifications';
import { api, call } from '../../bridge/client';
import type { MessageKey } from '../../i18n/catalog';
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

const TITLES: Record<Alert['kind'], MessageKey> = {
  lowBalance: 'alert.title.lowBalance',
  expiring: 'alert.title.expiring',
  leftAuthorized: 'alert.title.leftAuthorized',
};

/** One OS notification for a refresh's alerts: the OS centre gets one entry, the page one notice per alert. */
export function osNotification(alerts: readonly Alert[], texts: readonly string[], t: Translate): { title: string; body: string } {
  const title = alerts.length === 1 ? t(TITLES[alerts[0]!.kind]) : t('alert.title.many', { count: alerts.length });
  const body = texts.join('\n');
  return { title, body: body.length > NOTIFICATION_BODY_MAX ? `${body.slice(0, NOTIFICATION_BODY_MAX - 1)}…` : body };
}

/**
 * What a refresh warns about, wherever the user is: in the page's notice area (web mode and Electron alike, so the
 * alert stays visible in the app), errors-toned so they stay until dismissed; and, in the desktop app, as an OS
 * notification too, unless the user turned those off. Web mode answers that it showed none.
 */
export function useBalanceAlerts(): void {
  const t = useT();
  const money = useMoneyFormat();
  useEffect(
    () =>
      api.balances.onAlerted(({ alerts }) => {
        if (alerts.length === 0) return;
        const texts = alerts.map((alert) => alertText(alert, t, money));
        for (const text of texts) useNoticeStore.getState().announce(text, 'error');
        // The in-page notices already carry the alert: an OS notification that fails adds nothing to report.
        void call('notifications.show', osNotification(alerts, texts, t)).catch(() => undefined);
      }),
    [t, money],
  );
}
