import { GREENAPI_NOTIFICATION_SWITCHES, type GreenApiNotificationSwitch } from '../../../../shared/greenapi-notification-rules';
import type { GreenApiSettingKey } from '../../../../shared/instance-settings';
import type { useT } from '../../../i18n/use-t';

type T = ReturnType<typeof useT>;

const isNotificationSwitch = (key: string): key is GreenApiNotificationSwitch => (GREENAPI_NOTIFICATION_SWITCHES as readonly string[]).includes(key);

/** A setting's name in the user's language: the notification switches use the Webhooks screen's words. */
export function settingLabel(t: T, key: GreenApiSettingKey): string {
  if (isNotificationSwitch(key)) return t(`webhooks.ga.switch.${key}`);
  switch (key) {
    case 'webhookUrl':
      return t('settings.ga.webhookUrl');
    case 'delaySendMessagesMilliseconds':
      return t('settings.ga.delay');
    default:
      return t(`settings.ga.switch.${key}`);
  }
}

/** A value as the diff and the copy results show it. */
export function settingValue(t: T, value: string | number | null): string {
  if (value === null) return t('settings.ga.notReported');
  if (value === 'yes') return t('settings.yes');
  if (value === 'no') return t('settings.no');
  if (value === '') return t('settings.empty');
  return String(value);
}
