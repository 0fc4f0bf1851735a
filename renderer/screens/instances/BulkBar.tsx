import { useId } from 'react';
import { authMethodsOf } from '../../../shared/auth';
import { FLEET_ACTIONS, FleetActionSchema, type FleetAction } from '../../../shared/fleet';
import { PROVIDER_CAPABILITIES, type ProviderId } from '../../../shared/providers';
import { useT } from '../../i18n/use-t';
import { useFleetStore } from './fleet-store';

/** How many selected rows each action applies to, from the providers of their accounts (the key starts with the account id). */
export function applicableCounts(selection: ReadonlySet<string>, providerOf: (accountId: string) => ProviderId | undefined) {
  const counts = Object.fromEntries(FleetActionSchema.options.map((action) => [action, 0])) as Record<FleetAction, number>;
  for (const key of selection) {
    const provider = providerOf(key.slice(0, key.indexOf('/')));
    for (const action of provider ? FLEET_ACTIONS[provider] : []) counts[action]++;
  }
  return counts;
}

/** How many selected rows belong to accounts whose provider can link WhatsApp by QR code. */
export function qrCapableCount(selection: ReadonlySet<string>, providerOf: (accountId: string) => ProviderId | undefined) {
  let count = 0;
  for (const key of selection) {
    const provider = providerOf(key.slice(0, key.indexOf('/')));
    if (provider && authMethodsOf(PROVIDER_CAPABILITIES[provider]).includes('qr')) count++;
  }
  return count;
}

type BulkBarProps = {
  onAction: (action: FleetAction, applicable: number) => void;
  /** "Authorize…": the QR wall on the Authorize screen, for the whole selection (it says why some get no code). */
  onAuthorize: () => void;
};

/**
 * What can be done to the selected rows: one button per action that at least one of them offers (the providers'
 * capabilities decide, not the screen), with how many it applies to.
 */
export function BulkBar({ onAction, onAuthorize }: BulkBarProps) {
  const t = useT();
  const hintId = useId();
  const selection = useFleetStore((state) => state.selection);
  const accounts = useFleetStore((state) => state.accounts);
  const clearSelection = useFleetStore((state) => state.clearSelection);
  if (selection.size === 0) return null;

  const providers = new Map(accounts.map((account) => [account.accountId, account.provider]));
  const counts = applicableCounts(selection, (accountId) => providers.get(accountId));
  const qrCapable = qrCapableCount(selection, (accountId) => providers.get(accountId));
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('instances.bulkActions')}>
      <span className="bulk-count" role="status">
        {t('instances.selected', { count: selection.size })}
      </span>
      {FleetActionSchema.options
        .filter((action) => counts[action] > 0)
        .map((action) => (
          <button key={action} type="button" className="button" onClick={() => onAction(action, counts[action])}>
            {t('instances.actionApplies', { action: t(`instances.action.${action}`), count: counts[action] })}
          </button>
        ))}
      {qrCapable > 0 && (
        <>
          <button type="button" className="button" onClick={onAuthorize} aria-describedby={hintId}>
            {t('instances.authorize', { count: qrCapable })}
          </button>
          <span id={hintId} className="visually-hidden">
            {t('instances.authorizeHint')}
          </span>
        </>
      )}
      <button type="button" className="button button-quiet" onClick={clearSelection}>
        {t('instances.clearSelection')}
      </button>
    </div>
  );
}
