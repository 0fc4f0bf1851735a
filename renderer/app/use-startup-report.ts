import { useEffect } from 'react';
import { call } from '../bridge/client';
import type { MessageKey } from '../i18n/catalog';
import { createTranslator } from '../i18n/translate';
import { useNoticeStore } from '../stores/notice-store';
import { useSettingsStore } from '../stores/settings-store';

/**
 * Files main found unreadable at start-up and moved aside (never reset) are reported once, as notices that stay
 * until dismissed: the user may want the old file back from where it went.
 */
/** The vault and the settings file say what happens to the accounts; any other file starts afresh. */
function quarantineMessage(file: string): MessageKey {
  const name = file.split(/[\\/]/).pop();
  if (name === 'vault.json') return 'startup.quarantined.vault';
  if (name === 'settings.json') return 'startup.quarantined.settings';
  return 'startup.quarantined';
}

export function useStartupReport(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    call('app.info', {})
      .then((info) => {
        const t = createTranslator(useSettingsStore.getState().settings.locale);
        for (const file of info.quarantined) {
          useNoticeStore.getState().announce(t(quarantineMessage(file.file), { file: file.file, movedTo: file.movedTo }), 'error');
        }
      })
      .catch(() => {
        // The vault gate and the screens report an unreachable core themselves.
      });
  }, [ready]);
}
