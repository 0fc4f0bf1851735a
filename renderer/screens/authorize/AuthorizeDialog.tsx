import { useCallback, useEffect, useId, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import type { AuthInstance, AuthMethod } from '../../../shared/auth';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useNoticeStore } from '../../stores/notice-store';
import { instanceName } from './instance-name';
import { BotTab } from './tabs/BotTab';
import { MaxTab } from './tabs/MaxTab';
import { PairingTab } from './tabs/PairingTab';
import { QrTab, type TabProps } from './tabs/QrTab';
import { TelegramTab } from './tabs/TelegramTab';
import { useFocusRescue } from './use-focus-rescue';

const TABS: Record<AuthMethod, ComponentType<TabProps>> = {
  qr: QrTab,
  pairingCode: PairingTab,
  telegram: TelegramTab,
  max: MaxTab,
  telegramBot: BotTab,
};

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
  const ids = useId();
  const [method, setMethod] = useState<AuthMethod>(instance.methods[0] ?? 'qr');
  const [success, setSuccess] = useState<{ method: AuthMethod; phone: string | null } | null>(null);
  const tabs = useRef<Partial<Record<AuthMethod, HTMLButtonElement | null>>>({});
  const name = instanceName(instance, t);
  const panel = useRef<HTMLDivElement>(null);
  useFocusRescue(panel);

  const authorized = useCallback(
    (phone: string | null) => {
      setSuccess({ method, phone });
      announce(t(`authorize.success.${method}`, { name, phone: phone ?? '' }));
      onAuthorized();
    },
    [method, name, announce, onAuthorized, t],
  );
  const successLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!success) return;
    // The tab that had focus is gone: focus the news, so Esc and screen readers stay in the dialog.
    successLine.current?.focus();
    const timer = setTimeout(onClose, CLOSE_AFTER_SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [success, onClose]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern), Home and End to the ends.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = instance.methods.indexOf(method);
    const last = instance.methods.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const chosen = instance.methods[next]!;
    setMethod(chosen);
    tabs.current[chosen]?.focus();
  };

  const Tab = TABS[method];
  return (
    <Dialog title={t('authorize.dialog.title', { name })} onClose={onClose} size="large">
      {success ? (
        <p ref={successLine} tabIndex={-1} className="message message-info auth-success" role="status">
          <span aria-hidden="true">✓ </span>
          {t(`authorize.success.${success.method}`, { name, phone: success.phone ?? '' })}
        </p>
      ) : (
        <>
          {instance.methods.length > 1 && (
            <div className="tabs" role="tablist" aria-label={t('authorize.dialog.methods')} onKeyDown={onTabKey}>
              {instance.methods.map((candidate) => (
                <button
                  key={candidate}
                  ref={(element) => {
                    tabs.current[candidate] = element;
                  }}
                  type="button"
                  role="tab"
                  id={`${ids}-tab-${candidate}`}
                  aria-selected={candidate === method}
                  aria-controls={`${ids}-panel`}
                  tabIndex={candidate === method ? 0 : -1}
                  className="tab"
                  onClick={() => setMethod(candidate)}
                >
                  {t(`authorize.method.${candidate}`)}
                </button>
              ))}
            </div>
          )}
          <div
            ref={panel}
            tabIndex={-1}
            className="tab-panel"
            id={`${ids}-panel`}
            {...(instance.methods.length > 1 ? { role: 'tabpanel', 'aria-labelledby': `${ids}-tab-${method}` } : {})}
          >
            <Tab key={method} target={instance.target} sandbox={sandbox} onAuthorized={authorized} />
          </div>
        </>
      )}
    </Dialog>
  );
}
