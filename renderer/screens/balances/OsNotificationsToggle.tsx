import { useEffect, useState } from 'react';
import type { NotificationsStatus } from '../../../shared/calls/notifications';
import { call } from '../../bridge/client';
import { describeError } from '../../errors/describe-error';
import { toAppError } from '../../errors/to-app-error';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';

/**
 * Whether alerts also go to the OS notification centre. Offered where main can show one (the desktop app); in
 * web mode it says alerts stay in the page.
 */
export function OsNotificationsToggle() {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [status, setStatus] = useState<NotificationsStatus | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('notifications.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);

  if (!status) return null;
  if (!status.available) return <p className="muted os-notifications">{t('balances.osNotificationsWeb')}</p>;

  const change = async (enabled: boolean) => {
    setSaving(true);
    try {
      setStatus(await call('notifications.setEnabled', { enabled }));
    } catch (failure) {
      announce(t('balances.osNotificationsFailed', { reason: describeError(toAppError(failure), t) }), 'error');
    } finally {
      setSaving(false);
    }
  };
  return (
    <label className="checkbox os-notifications">
      <input type="checkbox" checked={status.enabled} disabled={saving} onChange={(event) => void change(event.target.checked)} />
      {t('balances.osNotifications')}
    </label>
  );
}
