import { useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';

type ConfirmDialogProps = {
  title: string;
  body: string;
  confirmLabel: string;
  /** Runs the action; if it fails the dialog stays open and says why. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** "Are you sure?" for destructive actions. Focus starts on Cancel so Enter never destroys by accident. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(toAppError(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} description={body} onClose={onClose} initialFocus={cancel}>
      {error && <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy} aria-busy={busy}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
