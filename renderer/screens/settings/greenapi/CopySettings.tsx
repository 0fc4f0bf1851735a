import { useEffect, useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { AppErrorShape } from '../../../../shared/errors';
import { GREENAPI_SETTING_SWITCHES, type CopyResult, type GreenApiInstanceTarget, type GreenApiSettingKey } from '../../../../shared/instance-settings';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { useJobProgress } from '../../../stores/jobs-store';
import { settingLabel } from './setting-words';

type GreenApiAccountView = Extract<AccountView, { provider: 'greenapi' }>;
const COPYABLE: GreenApiSettingKey[] = ['webhookUrl', 'delaySendMessagesMilliseconds', ...GREENAPI_SETTING_SWITCHES];
/** Instances usually post to different receivers, so the webhook URL is copied only when asked. */
const DEFAULT_KEYS = COPYABLE.filter((key) => key !== 'webhookUrl');
const targetKey = (target: GreenApiInstanceTarget) => `${target.accountId}:${target.instanceId}`;

/** Copies one instance's saved settings to many chosen instances as a job, with a result per instance and cancel. */
export function CopySettings({ source, accounts }: { source: GreenApiInstanceTarget; accounts: readonly GreenApiAccountView[] }) {
  const t = useT();
  const candidates = accounts.flatMap((account) =>
    account.instances
      .filter((entry) => !(account.id === source.accountId && entry.id === source.instanceId))
      .map((entry) => ({ accountId: account.id, instanceId: entry.id, label: `${account.name} · ${entry.label ? `${entry.label} (${entry.idInstance})` : entry.idInstance}` })),
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [keys, setKeys] = useState<Set<GreenApiSettingKey>>(new Set(DEFAULT_KEYS));
  const [jobId, setJobId] = useState<string | null>(null);
  const [results, setResults] = useState<CopyResult[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [problem, setProblem] = useState<'needTargets' | 'needKeys' | null>(null);
  const progress = useJobProgress(jobId);
  const running = jobId !== null && progress?.state !== 'finished' && progress?.state !== 'cancelled' && progress?.state !== 'failed';

  useEffect(() => {
    if (!jobId || !progress) return;
    void call('instancesettings.copyResults', { jobId }).then(setResults, (failure) => setError(toAppError(failure)));
  }, [jobId, progress]);

  const toggle = <V,>(set: Set<V>, value: V, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const start = async () => {
    setError(null);
    const targets = candidates.filter((candidate) => chosen.has(targetKey(candidate))).map(({ accountId, instanceId }) => ({ accountId, instanceId }));
    if (!targets.length) return setProblem('needTargets');
    if (!keys.size) return setProblem('needKeys');
    setProblem(null);
    try {
      setResults(targets.map((target) => ({ ...target, state: 'pending', changed: [], error: null })));
      setJobId((await call('instancesettings.greenapiCopy', { source, targets, keys: COPYABLE.filter((key) => keys.has(key)) })).jobId);
    } catch (failure) {
      setError(toAppError(failure));
    }
  };

  const labelOf = (result: CopyResult) => candidates.find((candidate) => targetKey(candidate) === targetKey(result))?.label ?? result.instanceId;
  const resultText = (result: CopyResult) => {
    switch (result.state) {
      case 'changed':
        return t('settings.copy.state.changed', { keys: result.changed.join(', ') });
      case 'failed':
        return t('settings.copy.state.failed', { error: result.error ?? '' });
      default:
        return t(`settings.copy.state.${result.state}`);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-copy-title">
      <h2 id="settings-copy-title">{t('settings.copy.title')}</h2>
      <p className="field-hint">{t('settings.copy.hint')}</p>
      {candidates.length === 0 ? (
        <p className="message message-info">{t('settings.copy.noTargets')}</p>
      ) : (
        <>
          <fieldset className="fieldset">
            <legend>{t('settings.copy.targets')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={chosen.size === candidates.length}
                onChange={(event) => setChosen(event.target.checked ? new Set(candidates.map(targetKey)) : new Set())}
              />
              {t('settings.copy.selectAll')}
            </label>
            {candidates.map((candidate) => (
              <label key={targetKey(candidate)} className="checkbox">
                <input type="checkbox" checked={chosen.has(targetKey(candidate))} onChange={(event) => setChosen(toggle(chosen, targetKey(candidate), event.target.checked))} />
                {candidate.label}
              </label>
            ))}
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('settings.copy.keys')}</legend>
            {COPYABLE.map((key) => (
              <label key={key} className="checkbox">
                <input type="checkbox" checked={keys.has(key)} onChange={(event) => setKeys(toggle(keys, key, event.target.checked))} />
                <span>
                  {settingLabel(t, key)} <span className="mono muted">{key}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {problem && (
            <p className="message message-error" role="alert">
              {t(`settings.copy.${problem}`)}
            </p>
          )}
          {error && <ErrorMessage error={error} />}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void start()} disabled={running}>
              {t('settings.copy.start', { count: chosen.size })}
            </button>
            {running && jobId && (
              <button type="button" className="button" onClick={() => void call('jobs.cancel', { jobId }).catch((failure) => setError(toAppError(failure)))}>
                {t('settings.copy.cancel')}
              </button>
            )}
          </div>
          {progress && (
            <p role="status">
              {progress.state === 'running'
                ? t('settings.copy.progress', { done: progress.done, total: progress.total, failed: progress.failed })
                : t('settings.copy.finished', { failed: progress.failed })}
            </p>
          )}
          {progress?.error && <ErrorMessage error={progress.error} />}
          {results.length > 0 && (
            <div className="table-scroll">
              <table className="table" aria-label={t('settings.copy.results')} data-testid="copy-results">
                <thead>
                  <tr>
                    <th scope="col">{t('settings.copy.instance')}</th>
                    <th scope="col">{t('settings.copy.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((result) => (
                    <tr key={targetKey(result)} data-state={result.state}>
                      <th scope="row">{labelOf(result)}</th>
                      <td>{resultText(result)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
