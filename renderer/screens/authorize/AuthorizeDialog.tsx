import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthInstance, AuthMethod } from '../../../shared/auth';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';
import { AuthTabs } from './AuthTabs';
import { instanceName } from './instance-name';

/** After success the dialog says so for a moment, then closes itself. */
const CLOSE_AFTER_SUCCESS_MS = 1500;

type AuthorizeDialogProps = {
  instance: AuthInstance;
  sandbox: boolean;
  onClose: () => void;
  /** Linked: the screen refreshes the instance. */
  onAuthorized: () => void;
};

/**
 * Connects a messenger to one instance. The tabs are the account's methods (from its capabilities); only the open
 * tab runs a session, and closing the dialog (Esc, ×) stops it.
 */
export function AuthorizeDialog({ instance, sandbox, onClose, onAuthorized }: AuthorizeDialogProps) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [success, setSuccess] = useState<string | null>(null);
  const successLine = useRef<HTMLParagraphElement>(null);
  const name = instanceName(instance, t);

  const authorized = useCallback(
    (method: AuthMethod, phone: string | null) => {
      const text = t(`authorize.success.${method}`, { name, phone: phone ?? '' });
      setSuccess(text);
      announce(text);
      onAuthorized();
    },
    [name, announce, onAuthorized, t],
  );
  useEffect(() => {
    if (!success) return;
    // The tab that had focus is gone: focus the news, so Esc and screen readers stay in the dialog.
    successLine.current?.focus();
    const timer = setTimeout(onClose, CLOSE_AFTER_SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [success, onClose]);

  return (
    <Dialog title={t('authorize.dialog.title', { name })} onClose={onClose} size="large">
      {success ? (
        <p ref={successLine} tabIndex={-1} className="message message-info auth-success" role="status">
          <span aria-hidden="true">✓ </span>
          {success}
        </p>
      ) : (
        <AuthTabs methods={instance.methods} target={instance.target} sandbox={sandbox} onAuthorized={authorized} />
      )}
    </Dialog>
  );
}
