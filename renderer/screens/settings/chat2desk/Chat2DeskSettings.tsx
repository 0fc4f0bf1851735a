import { useCallback, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { AppErrorShape } from '../../../../shared/errors';
import type { Chat2DeskCompanySettings } from '../../../../shared/instance-settings';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useLoad } from '../../deliveries/common/use-load';

const FIELDS = ['1', '2', '3'] as const;

/** Chat2Desk: settings are company-wide (spec A7), so there is no instance to pick. */
export function Chat2DeskSettings({ account }: { account: AccountView }) {
  const t = useT();
  const settings = useLoad(useCallback(() => call('instancesettings.chatDeskGet', { accountId: account.id }), [account.id]));
  if (settings.loading && !settings.data) return <p role="status">{t('common.loading')}</p>;
  if (settings.error && !settings.data) return <ErrorMessage error={settings.error} onRetry={() => void settings.reload()} />;
  return settings.data ? <CompanyForm key={account.id} accountId={account.id} settings={settings.data} onSaved={settings.setData} /> : null;
}

function CompanyForm({ accountId, settings, onSaved }: { accountId: string; settings: Chat2DeskCompanySettings; onSaved: (settings: Chat2DeskCompanySettings) => void }) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [mode, setMode] = useState(settings.workingMode);
  const [info, setInfo] = useState(settings.customInfo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await call('instancesettings.chatDeskSave', { accountId, changes: { ...(mode ? { workingMode: mode } : {}), customInfo: info } });
      announce(result.changed.length ? t('settings.c2d.saved', { keys: result.changed.join(', ') }) : t('settings.ga.noChanges'));
      onSaved(result.settings);
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('settings.c2d.company', { name: settings.companyName })}>
      <p>{t('settings.c2d.company', { name: settings.companyName })}</p>
      {error && <ErrorMessage error={error} />}
      <fieldset className="fieldset" aria-describedby="c2d-mode-hint">
        <legend>{t('settings.c2d.mode')}</legend>
        <p id="c2d-mode-hint" className="field-hint">
          {t('settings.c2d.modeHint')}
        </p>
        {(['online', 'offline'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="c2d-mode" checked={mode === value} onChange={() => setMode(value)} />
            {t(`settings.c2d.mode.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset" aria-describedby="c2d-info-hint">
        <legend>{t('settings.c2d.customInfo')}</legend>
        <p id="c2d-info-hint" className="field-hint">
          {t('settings.c2d.customInfoHint')}
        </p>
        {FIELDS.map((key) => (
          <TextField key={key} id={`c2d-info-${key}`} label={t('settings.c2d.field', { n: key })} value={info[key]} onChange={(value) => setInfo({ ...info, [key]: value })} />
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {t('settings.c2d.save')}
        </button>
      </div>
    </form>
  );
}
