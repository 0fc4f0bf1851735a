import { useEffect } from 'react';
import { NoticeArea } from '../components/NoticeArea';
import { describeError } from '../errors/describe-error';
import { toAppError } from '../errors/to-app-error';
import { createTranslator } from '../i18n/translate';
import { useDocumentLanguage } from '../i18n/use-document-language';
import { Shell } from '../shell/Shell';
import { useNoticeStore } from '../stores/notice-store';
import { useSettingsStore } from '../stores/settings-store';
import { useVaultStore } from '../stores/vault-store';
import { useDocumentTheme } from '../theme/use-document-theme';
import { VaultGate } from '../vault/VaultGate';
import { useBridgeEvents } from './use-bridge-events';
import { useStartupReport } from './use-startup-report';

export function App() {
  useDocumentTheme();
  useDocumentLanguage();
  useBridgeEvents();

  useEffect(() => {
    // Settings are not secret and do not wait for the vault: the vault screens already speak the chosen language.
    useSettingsStore
      .getState()
      .load()
      .catch((error: unknown) => {
        const t = createTranslator(useSettingsStore.getState().settings.locale);
        useNoticeStore.getState().announce(t('settings.notLoaded', { reason: describeError(toAppError(error), t) }), 'error');
      });
    void useVaultStore.getState().load();
  }, []);

  // Rendering waits for the settings (a loopback round trip) so nobody sees English flash before their language.
  const settingsLoaded = useSettingsStore((state) => state.loaded);
  useStartupReport(settingsLoaded);
  if (!settingsLoaded) return null;
  return (
    <>
      <VaultGate>
        <Shell />
      </VaultGate>
      <NoticeArea />
    </>
  );
}
