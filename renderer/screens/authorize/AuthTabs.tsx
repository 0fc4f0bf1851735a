import { useCallback, useId, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import type { AuthMethod, AuthTarget } from '../../../shared/auth';
import { useT } from '../../i18n/use-t';
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

type AuthTabsProps = {
  methods: readonly AuthMethod[];
  target: AuthTarget;
  sandbox: boolean;
  onAuthorized: (method: AuthMethod, phone: string | null) => void;
};

/**
 * The authorization methods as tabs (WAI-ARIA: arrows, Home, End). Only the open tab is mounted, so only its
 * session runs; switching tabs stops the one left.
 */
export function AuthTabs({ methods, target, sandbox, onAuthorized }: AuthTabsProps) {
  const t = useT();
  const ids = useId();
  const [method, setMethod] = useState<AuthMethod>(methods[0] ?? 'qr');
  const tabs = useRef<Partial<Record<AuthMethod, HTMLButtonElement | null>>>({});
  const panel = useRef<HTMLDivElement>(null);
  useFocusRescue(panel);
  // Stable per tab, so a tab's "authorized" effect runs once, not on every render.
  const authorized = useCallback((phone: string | null) => onAuthorized(method, phone), [method, onAuthorized]);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = methods.indexOf(method);
    const last = methods.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const chosen = methods[next]!;
    setMethod(chosen);
    tabs.current[chosen]?.focus();
  };

  const Tab = TABS[method];
  const tabbed = methods.length > 1;
  return (
    <>
      {tabbed && (
        <div className="tabs" role="tablist" aria-label={t('authorize.dialog.methods')} onKeyDown={onTabKey}>
          {methods.map((candidate) => (
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
        {...(tabbed ? { role: 'tabpanel', 'aria-labelledby': `${ids}-tab-${method}` } : {})}
      >
        <Tab key={method} target={target} sandbox={sandbox} onAuthorized={authorized} />
      </div>
    </>
  );
}
