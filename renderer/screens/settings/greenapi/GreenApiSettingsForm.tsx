import { useState, type FormEvent } from 'react';
import { GREENAPI_RECOMMENDED_SETTINGS } from '../../../../shared/instance-settings';
import { greenApiNotificationFindings, type GreenApiSwitchValues } from '../../../../shared/greenapi-notification-rules';
import { GREENAPI_SETTING_SWITCHES, greenApiSettingsDiff, type GreenApiInstanceSettings, type GreenApiSettingSwitch } from '../../../../shared/instance-settings';
import { call } from '../../../bridge/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { formProblems, toForm, wantedChanges, type FormValues } from './form-values';
import { settingLabel, settingValue } from './setting-words';
import { NotificationFindings } from '../../webhooks/greenapi/NotificationFindings';

const hasOwnHint = (key: GreenApiSettingSwitch): key is 'markIncomingMessagesReaded' | 'markIncomingMessagesReadedOnReply' =>
  key === 'markIncomingMessagesReaded' || key === 'markIncomingMessagesReadedOnReply';

/**
 * Every GREEN-API setting of one instance, with the documented combinations checked as the user edits, and a diff
 * confirmed before saving (saving restarts the instance). A failed save keeps the edits.
 */
export function GreenApiSettingsForm({ target, settings, onSaved }: {
  target: { accountId: string; instanceId: string };
  settings: GreenApiInstanceSettings;
  onSaved: (settings: GreenApiInstanceSettings) => void;
}) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [values, setValues] = useState<FormValues>(() => toForm(settings));
  const [reviewing, setReviewing] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [emptyDiff, setEmptyDiff] = useState(false);
  const problems = formProblems(values);
  const diff = greenApiSettingsDiff(settings, wantedChanges(values));
  const findings = greenApiNotificationFindings(
    Object.fromEntries(GREENAPI_SETTING_SWITCHES.filter((key) => values[key] !== null).map((key) => [key, values[key]])) as GreenApiSwitchValues,
  );

  const set = (patch: Partial<FormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setEmptyDiff(false);
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (Object.keys(problems).length) {
      document.getElementById(problems.delay ? 'ga-settings-delay' : 'ga-settings-url')?.focus();
      return;
    }
    if (!diff.length) return setEmptyDiff(true);
    setReviewing(true);
  };

  const applyRecommended = () => {
    const { delaySendMessagesMilliseconds, ...switches } = GREENAPI_RECOMMENDED_SETTINGS;
    set({ ...switches, delay: String(delaySendMessagesMilliseconds) });
    announce(t('settings.ga.recommendedApplied'));
  };

  return (
    <form className="form" onSubmit={review} noValidate aria-label={t('settings.instance')}>
      <fieldset className="fieldset">
        <legend>{t('settings.ga.general')}</legend>
        <TextField
          id="ga-settings-url"
          label={t('settings.ga.webhookUrl')}
          hint={t('settings.ga.webhookUrlHint')}
          value={values.webhookUrl}
          onChange={(webhookUrl) => set({ webhookUrl })}
          error={showProblems && problems.webhookUrl ? t('settings.ga.webhookUrlInvalid') : undefined}
        />
        <TextField
          id="ga-settings-delay"
          label={t('settings.ga.delay')}
          hint={t('settings.ga.delayHint')}
          value={values.delay}
          inputMode="numeric"
          onChange={(delay) => set({ delay })}
          error={problems.delay ? t('settings.ga.delayInvalid') : undefined}
        />
        {(['markIncomingMessagesReaded', 'markIncomingMessagesReadedOnReply'] as const).map((key) => (
          <SwitchRow key={key} id={`ga-settings-${key}`} name={key} label={settingLabel(t, key)} hint={t(`settings.ga.hint.${key}`)} value={values[key]} onChange={(value) => set({ [key]: value })} />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('webhooks.ga.switches')}</legend>
        {GREENAPI_SETTING_SWITCHES.filter((key) => !hasOwnHint(key)).map((key) => (
          <SwitchRow key={key} id={`ga-settings-${key}`} name={key} label={settingLabel(t, key)} value={values[key]} onChange={(value) => set({ [key]: value })} />
        ))}
        <NotificationFindings findings={findings} testId="settings-findings" />
      </fieldset>
      <p className="message message-warning">{t('webhooks.ga.restartWarning')}</p>
      {emptyDiff && (
        <p className="message message-info" role="status">
          {t('settings.ga.noChanges')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('settings.ga.review')}
        </button>
        <button type="button" className="button" onClick={applyRecommended} aria-describedby="ga-settings-recommended-note">
          {t('settings.ga.recommended')}
        </button>
        <button type="button" className="button" onClick={() => (setValues(toForm(settings)), setShowProblems(false))} disabled={!diff.length}>
          {t('settings.ga.reset')}
        </button>
      </div>
      <p id="ga-settings-recommended-note" className="field-hint">
        {t('settings.ga.recommendedNote')}
      </p>
      {reviewing && (
        <SaveDialog
          diff={diff}
          onClose={() => setReviewing(false)}
          onConfirm={async () => {
            const result = await call('instancesettings.greenapiSave', { ...target, changes: Object.fromEntries(diff.map(({ key, to }) => [key, to])) });
            announce(result.changed.length ? t('settings.ga.saved', { keys: result.changed.join(', ') }) : t('settings.ga.noChanges'));
            onSaved(result.settings);
            setValues(toForm(result.settings));
          }}
        />
      )}
    </form>
  );
}

function SwitchRow({ id, name, label, hint, value, onChange }: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: 'yes' | 'no' | null;
  onChange: (value: 'yes' | 'no') => void;
}) {
  const t = useT();
  return (
    <div className="choice">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === 'yes'} onChange={(event) => onChange(event.target.checked ? 'yes' : 'no')} aria-describedby={hint ? `${id}-hint` : undefined} />
        <span>
          {label} <span className="mono muted">{name}</span>
          {value === null && <span className="muted"> ({t('settings.ga.notReported')})</span>}
        </span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The diff, confirmed before anything is sent; a failure keeps the dialog (and the form's edits) and says why. */
function SaveDialog({ diff, onConfirm, onClose }: {
  diff: ReturnType<typeof greenApiSettingsDiff>;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      title={t('settings.ga.diffTitle')}
      body={t('settings.ga.diffBody')}
      confirmLabel={t('settings.ga.save', { count: diff.length })}
      cancelLabel={t('settings.ga.cancel')}
      tone="primary"
      size="large"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <table className="table" data-testid="settings-diff">
        <thead>
          <tr>
            <th scope="col">{t('settings.ga.diffSetting')}</th>
            <th scope="col">{t('settings.ga.diffFrom')}</th>
            <th scope="col">{t('settings.ga.diffTo')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map(({ key, from, to }) => (
            <tr key={key}>
              <th scope="row">
                {settingLabel(t, key)} <span className="mono muted">{key}</span>
              </th>
              <td>{settingValue(t, from)}</td>
              <td>{settingValue(t, to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConfirmDialog>
  );
}
