import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import type { NetworkSettingsView } from '../../shared/network-settings';
import { call } from '../bridge/client';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { ProxySettingsForm } from './ProxySettingsForm';
import { ProxyTestPanel } from './ProxyTestPanel';

/** The proxy setting and its test. Loaded from main each time it opens: another window may have changed it. */
export function NetworkSettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [view, setView] = useState<NetworkSettingsView | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [dirty, setDirty] = useState(false);

  const load = () => {
    setFailure(null);
    call('network.get', {})
      .then(setView)
      .catch((error: unknown) => setFailure(toAppError(error)));
  };
  useEffect(load, []);

  return (
    <Dialog title={t('network.title')} description={t('network.intro')} onClose={onClose} size="large">
      {failure && <ErrorMessage error={failure} onRetry={load} />}
      {view && (
        <>
          <ProxySettingsForm view={view} onSaved={setView} onDirtyChange={setDirty} />
          <ProxyTestPanel unsaved={dirty} />
        </>
      )}
    </Dialog>
  );
}
