import { useRef, useState, type ReactNode } from 'react';
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
  /** What the action will do, when a sentence is not enough (a diff of settings). */
  children?: ReactNode;
  /** `primary` for a change that is not destructive (saving settings). */
  tone?: 'danger' | 'primary';
  cancelLabel?: string;
  size?: 'small' | 'large';
};

/**
 * "Are you sure?" before an action that changes things. Focus starts on Cancel so Enter never acts by accident;
 * a failure keeps the dialog open and says why.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, body, confirmLabel, onConfirm, onClose, children, tone = 'danger', cancelLabel, size } = props;
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
    <Dialog title={title} description={body} onClose={onClose} initialFocus={cancel} size={size}>
      {error && <ErrorMessage error={error} />}
      {children}
      <div className="button-row">
        <button type="button" className={`button button-${tone}`} onClick={confirm} disabled={busy} aria-busy={busy}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} className="button" onClick={onClose}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
