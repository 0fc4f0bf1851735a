import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { selectHasSandbox, useAccountsStore } from '../stores/accounts-store';
import { SandboxControlsDialog } from './SandboxControlsDialog';

/** Next to the sandbox badge, and only while it shows: the demo workspace's controls over the built-in sandbox. */
export function SandboxControlsButton() {
  const t = useT();
  const hasSandbox = useAccountsStore(selectHasSandbox);
  const [open, setOpen] = useState(false);
  if (!hasSandbox) return null;
  return (
    <>
      <button type="button" className="button button-sandbox" onClick={() => setOpen(true)}>
        {t('sandboxControls.open')}
      </button>
      {open && <SandboxControlsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
