import { useCallback, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import type { Chat2DeskCompanySettings } from '../../../../shared/instance-settings';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormActions } from '../../../components/FormActions';
import { HintedFieldset } from '../../../components/HintedFieldset';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useAction } from '../../../components/use-action';
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
  const saving = useAction(() => call('instancesettings.chatDeskSave', { accountId, changes: { ...(mode ? { workingMode: mode } : {}), customInfo: info } }));
  const { busy, error } = saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saving.run();
    if (!result) return;
    announce(result.changed.length ? t('settings.c2d.saved', { keys: result.changed.join(', ') }) : t('settings.ga.noChanges'));
    onSaved(result.settings);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('settings.c2d.company', { name: settings.companyName })}>
      <p>{t('settings.c2d.company', { name: settings.companyName })}</p>
      {error && <ErrorMessage error={error} />}
      <HintedFieldset hintId="c2d-mode-hint" legend={t('settings.c2d.mode')} hint={t('settings.c2d.modeHint')}>
        {(['online', 'offline'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="c2d-mode" checked={mode === value} onChange={() => setMode(value)} />
            {t(`settings.c2d.mode.${value}`)}
          </label>
        ))}
      </HintedFieldset>
      <HintedFieldset hintId="c2d-info-hint" legend={t('settings.c2d.customInfo')} hint={t('settings.c2d.customInfoHint')}>
        {FIELDS.map((key) => (
          <TextField key={key} id={`c2d-info-${key}`} label={t('settings.c2d.field', { n: key })} value={info[key]} onChange={(value) => setInfo({ ...info, [key]: value })} />
        ))}
      </HintedFieldset>
      <FormActions submit={t('settings.c2d.save')} busy={busy} />
    </form>
  );
}
