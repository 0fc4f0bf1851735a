import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { toAppError } from '../../errors/to-app-error';

type SandboxActionProps = {
  label: string;
  /** The full name when several are on screen (the QR wall); it starts with the visible label. */
  accessibleName?: string;
  run: () => Promise<unknown>;
};

/** A button that plays the phone's part in the sandbox (demo accounts only; main refuses it for real ones). */
export function SandboxAction({ label, accessibleName, run }: SandboxActionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sandbox-action">
      <button type="button" className="button button-sandbox" onClick={() => void click()} disabled={busy} aria-busy={busy} aria-label={accessibleName}>
        {label}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
