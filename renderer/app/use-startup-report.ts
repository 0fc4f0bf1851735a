import { useEffect } from 'react';
import { call } from '../bridge/client';
import { createTranslator } from '../i18n/translate';
import { useNoticeStore } from '../stores/notice-store';
import { useSettingsStore } from '../stores/settings-store';

/**
 * Files main found unreadable at start-up and moved aside (never reset) are reported once, as notices that stay
 * until dismissed: the user may want the old file back from where it went.
 */
export function useStartupReport(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    call('app.info', {})
      .then((info) => {
        const t = createTranslator(useSettingsStore.getState().settings.locale);
        for (const file of info.quarantined) {
          useNoticeStore.getState().announce(t('startup.quarantined', { file: file.file, movedTo: file.movedTo }), 'error');
        }
      })
      .catch(() => {
        // The vault gate and the screens report an unreachable core themselves.
      });
  }, [ready]);
}
