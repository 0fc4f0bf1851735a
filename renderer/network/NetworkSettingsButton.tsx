import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { NetworkSettingsDialog } from './NetworkSettingsDialog';

/** "Network" in the header, next to language and theme: the app's own preferences live there. */
export function NetworkSettingsButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('network.open')}
      </button>
      {open && <NetworkSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
