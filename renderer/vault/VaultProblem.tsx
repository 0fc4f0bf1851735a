import { useState } from 'react';
import type { VaultStatus } from '../../shared/vault';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useVaultStore } from '../stores/vault-store';
import { GateLayout } from './GateLayout';
import { KeychainProblemQuote } from './KeychainProblemQuote';
import { quarantineReasonText } from './vault-words';

/**
 * The vault cannot be opened (corrupt file, or the keychain lost its key). Nothing was deleted: the files were
 * moved aside and are listed so the user (or support) can recover them; "Start fresh" is a deliberate choice.
 */
export function VaultProblem({ status }: { status: VaultStatus }) {
  const t = useT();
  const format = useFormat();
  const startFresh = useVaultStore((state) => state.startFresh);
  const [confirming, setConfirming] = useState(false);
  const corrupt = status.state === 'corrupt';

  return (
    <GateLayout title={corrupt ? t('vault.corrupt.title') : t('vault.keyMissing.title', { keychain: status.keychainName })}>
      <p>{corrupt ? t('vault.corrupt.what') : t('vault.keyMissing.what', { keychain: status.keychainName })}</p>
      <KeychainProblemQuote status={status} />
      {status.quarantined.length > 0 && (
        <section aria-labelledby="quarantined-title">
          <h2 id="quarantined-title">{t('vault.quarantined.title')}</h2>
          <p>{t('vault.quarantined.kept')}</p>
          <ul className="quarantined-list">
            {status.quarantined.map((file) => (
              <li key={file.movedTo}>
                <dl>
                  <dt>{t('vault.quarantined.file')}</dt>
                  <dd>
                    <code>{file.file}</code>
                  </dd>
                  <dt>{t('vault.quarantined.movedTo')}</dt>
                  <dd>
                    <code>{file.movedTo}</code>
                  </dd>
                  <dt>{t('vault.quarantined.reason')}</dt>
                  <dd>{quarantineReasonText(file, t)}</dd>
                  <dt>{t('vault.quarantined.at')}</dt>
                  <dd>
                    <time dateTime={file.at}>{format.dateTime(file.at)}</time>
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('vault.problem.options')}</h2>
      <ul>
        <li>{corrupt ? t('vault.corrupt.restore') : t('vault.keyMissing.restore', { keychain: status.keychainName })}</li>
        <li>{t('vault.problem.startFreshExplained')}</li>
      </ul>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('vault.startFresh.open')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('vault.startFresh.title')}
          body={t('vault.startFresh.body')}
          confirmLabel={t('vault.startFresh.confirm')}
          onConfirm={startFresh}
          onClose={() => setConfirming(false)}
        />
      )}
    </GateLayout>
  );
}
