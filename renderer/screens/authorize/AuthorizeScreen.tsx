import { useEffect, useId, useMemo, useState } from 'react';
import { authMethodsOf, type AuthInstance, type AuthTarget, type WizardProgress } from '../../../shared/auth';
import type { AccountView } from '../../../shared/accounts';
import { call } from '../../bridge/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { describeError } from '../../errors/describe-error';
import { useT } from '../../i18n/use-t';
import { useAccountsStore } from '../../stores/accounts-store';
import { useNoticeStore } from '../../stores/notice-store';
import { authSessions } from './auth-sessions-store';
import { AuthorizeDialog } from './AuthorizeDialog';
import { instanceName } from './instance-name';
import { InstancesTable } from './InstancesTable';
import { QrWall } from './QrWall';
import { useAuthInstances } from './use-auth-instances';
import { fleetWallPlan } from './fleet-wall-plan';
import { planWall, type WallPlan } from './wall-plan';
import { useWallRequest } from './wall-request';
import { ProvisioningWizard } from './wizard/ProvisioningWizard';
import { UnfinishedSetup } from './wizard/UnfinishedSetup';
import { stepName } from './wizard/wizard-answers';
import './authorize.css';

type Filter = 'all' | 'unlinked' | 'linked';
type Open =
  | { kind: 'authorize'; instance: AuthInstance }
  | { kind: 'action'; instance: AuthInstance; action: 'logout' | 'reboot' }
  /** `plan` is null while a wall asked for by another screen looks its instances up. */
  | { kind: 'wall'; plan: WallPlan | null; onClosed?: (linked: AuthTarget[]) => void }
  | { kind: 'wizard'; account: AccountView; provisioning: 'create' | 'addExisting'; resume: WizardProgress | null }
  | null;

/**
 * A renderer that reloaded left its sessions behind in main: end them once, when this screen is first shown. A wall
 * opened from another screen waits for this, or the clean-up could end the sessions its tiles just started.
 */
let orphansStopped: Promise<unknown> | null = null;
const stopOrphansOnce = () => (orphansStopped ??= authSessions.stopAll().catch(() => {}));

/** Connect messengers to instances: pick an account, find the instances, authorize one or open a QR wall. */
export function AuthorizeScreen() {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const accounts = useAccountsStore((state) => state.accounts);
  const eligible = useMemo(() => (accounts ?? []).filter((account) => authMethodsOf(account.capabilities).length > 0), [accounts]);
  const [accountId, setAccountId] = useState<string | null>(null);
  const chosen = eligible.find((account) => account.id === accountId) ?? eligible[0] ?? null;
  const { list, error, loading, reload } = useAuthInstances(chosen?.id ?? null);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [unfinished, setUnfinished] = useState<WizardProgress | null>(null);
  const loadUnfinished = () => void call('auth.wizard', {}).then(setUnfinished, () => setUnfinished(null));
  const unfinishedTextId = useId();

  useEffect(() => void stopOrphansOnce(), []);
  useWallFromElsewhere(accounts, setOpen);
  useEffect(() => setSelected(new Set()), [chosen?.id]);
  useEffect(loadUnfinished, []);

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (list?.instances ?? []).filter((instance) => {
      if (filter === 'linked' && instance.whatsapp !== 'authorized') return false;
      if (filter === 'unlinked' && instance.whatsapp === 'authorized') return false;
      if (!needle) return true;
      const haystack = [instanceName(instance, t), instance.phone ?? '', ...instance.ids.map((id) => id.value)].join(' ').toLowerCase();
      return haystack.includes(needle);
    });
  }, [list, query, filter, t]);

  if (!accounts) return <p role="status">{t('common.loading')}</p>;
  if (!chosen) return <p className="empty-state">{t('authorize.noAccounts')}</p>;

  const unlinked = list?.instances.filter((instance) => instance.whatsapp !== 'authorized').length ?? 0;
  const picked = (list?.instances ?? []).filter((instance) => selected.has(instance.target.instance));
  const select = (keys: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  // One wizard's progress is kept: while one is unfinished, starting another would lose it (main refuses too).
  const pending = unfinished && unfinished.step !== 'done' ? unfinished : null;
  const resumeAccount = pending ? eligible.find((account) => account.id === pending.accountId) : undefined;
  const resumeWizard = (progress: WizardProgress) => {
    const account = eligible.find((candidate) => candidate.id === progress.accountId);
    setUnfinished(progress);
    // Its account is gone: the banner below can still discard it.
    setOpen(account ? { kind: 'wizard', account, provisioning: progress.kind, resume: progress } : null);
  };
  const closeWizard = () => {
    setOpen(null);
    loadUnfinished();
    reload();
  };

  return (
    <>
      {pending && open?.kind !== 'wizard' && (
        <div className="message message-info wizard-resume" role="status">
          <UnfinishedSetup
            progress={pending}
            message={`${t('authorize.wizard.resume', { name: pending.label, step: stepName(pending.step, t) })} ${t('authorize.wizard.unfinishedBlocks')}`}
            messageId={unfinishedTextId}
            onResume={resumeAccount ? () => resumeWizard(pending) : undefined}
            onDiscarded={loadUnfinished}
          />
        </div>
      )}
      <div className="auth-filters">
        <SelectField
          id="auth-account"
          label={t('authorize.account')}
          value={chosen.id}
          options={eligible.map((account) => ({ value: account.id, label: account.sandbox ? `${account.name} (${t('sandbox.rowBadge')})` : account.name }))}
          onChange={setAccountId}
        />
        <TextField id="auth-search" label={t('authorize.search')} value={query} onChange={setQuery} placeholder={t('authorize.searchHint')} />
        <SelectField<Filter>
          id="auth-filter"
          label={t('authorize.filter')}
          value={filter}
          options={[
            { value: 'all', label: t('authorize.filter.all') },
            { value: 'unlinked', label: t('authorize.filter.unlinked') },
            { value: 'linked', label: t('authorize.filter.linked') },
          ]}
          onChange={setFilter}
        />
      </div>
      <div className="toolbar">
        <p className="counts" role="status">
          {list ? t('authorize.count', { count: list.instances.length, shown: shown.length }) : loading ? t('common.loading') : ''}
          {list && unlinked > 0 && <span className="badge badge-failed">{t('authorize.unlinkedCount', { count: unlinked })}</span>}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={reload} disabled={loading} aria-busy={loading}>
            {t('authorize.refresh')}
          </button>
          {list?.provisioning && (
            <button
              type="button"
              className="button"
              disabled={pending !== null}
              aria-describedby={pending ? unfinishedTextId : undefined}
              onClick={() => setOpen({ kind: 'wizard', account: chosen, provisioning: list.provisioning!, resume: null })}
            >
              {t(`authorize.wizard.open.${list.provisioning}`)}
            </button>
          )}
          <button type="button" className="button button-primary" disabled={picked.length === 0} onClick={() => setOpen({ kind: 'wall', plan: planWall(picked.map((instance) => ({ instance, accountName: chosen.name, sandbox: list?.sandbox ?? false }))) })}>
            {t('authorize.openWall', { count: picked.length })}
          </button>
        </div>
      </div>
      {error && (
        <div className="message message-error" role="alert">
          <p>{t('authorize.loadFailed', { reason: describeError(error, t) })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {list?.listError && <p className="message message-warning">{t('authorize.partialList', { reason: describeError(list.listError, t) })}</p>}
      {list && shown.length === 0 && <p className="muted">{t('authorize.noneShown')}</p>}
      {list && shown.length > 0 && (
        <InstancesTable
          instances={shown}
          selected={selected}
          onSelect={(instance, on) => select([instance.target.instance], on)}
          onSelectAll={(on) => select(shown.map((instance) => instance.target.instance), on)}
          onAuthorize={(instance) => setOpen({ kind: 'authorize', instance })}
          onAction={(instance, action) => setOpen({ kind: 'action', instance, action })}
        />
      )}
      {open?.kind === 'authorize' && <AuthorizeDialog instance={open.instance} sandbox={list?.sandbox ?? false} onClose={() => setOpen(null)} onAuthorized={reload} />}
      {open?.kind === 'wizard' && (
        <ProvisioningWizard
          // Resuming another setup from inside a refused one starts a fresh wizard, not the refused one's state.
          key={open.resume ? `${open.resume.accountId}:${open.resume.instance}` : 'new'}
          account={open.account}
          kind={open.provisioning}
          resume={open.resume}
          sandbox={open.account.sandbox}
          onClose={closeWizard}
          onChanged={reload}
          onResumeOther={resumeWizard}
        />
      )}
      {open?.kind === 'wall' && (
        <QrWall
          plan={open.plan}
          onClose={(linked) => {
            setOpen(null);
            reload();
            open.onClosed?.(linked);
          }}
        />
      )}
      {open?.kind === 'action' && (
        <ConfirmDialog
          title={t(`authorize.confirm.${open.action}.title`)}
          body={t(`authorize.confirm.${open.action}.bodyNamed`, { name: instanceName(open.instance, t) })}
          confirmLabel={t(`authorize.confirm.${open.action}.button`)}
          onConfirm={async () => {
            await call(`auth.${open.action}`, { ...open.instance.target, confirm: true });
            announce(t(`authorize.instanceAction.${open.action}Done`, { name: instanceName(open.instance, t) }));
            reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

/**
 * Opens the wall another screen asked for (the Instances screen's "Authorize…"), once the accounts are known: at
 * once, saying it is looking the instances up, then with the tiles and the reasons for the rest.
 */
function useWallFromElsewhere(accounts: AccountView[] | null, setOpen: (update: (current: Open) => Open) => void) {
  const request = useWallRequest((state) => state.request);
  useEffect(() => {
    if (!request || !accounts) return;
    useWallRequest.setState({ request: null });
    const opened: Open = { kind: 'wall', plan: null, onClosed: request.onClosed };
    setOpen(() => opened);
    void stopOrphansOnce()
      .then(() => fleetWallPlan(request.keys, accounts, (accountId) => call('auth.instances', { accountId })))
      // Closed (or replaced) while looking up: the plan is of no use any more.
      .then((plan) => setOpen((current) => (current === opened ? { ...opened, plan } : current)));
  }, [request, accounts, setOpen]);
}
