import { useState, type FormEvent } from 'react';
import { GREENAPI_NOTIFICATION_SWITCHES, greenApiNotificationFindings, type GreenApiNotificationSwitch } from '../../../../shared/greenapi-notification-rules';
import type { AuthorizationChange, GreenApiWebhookSettings } from '../../../../shared/webhooks';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormActions } from '../../../components/FormActions';
import { HintedFieldset } from '../../../components/HintedFieldset';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';
import { useNoticeStore } from '../../../stores/notice-store';
import { useAction } from '../../../components/use-action';
import { WebhookUrlField } from '../../deliveries/common/WebhookUrlField';
import { webhookFieldErrors } from '../field-errors';
import { NotificationFindings } from './NotificationFindings';

type Mode = 'webhook' | 'polling';
type AuthKind = AuthorizationChange['kind'];

/**
 * The webhook URL (or HTTP API polling), the Authorization header GREEN-API sends (built from a scheme and a secret
 * that never comes back), and the notification switches with the documents' required combinations checked as
 * they are ticked.
 */
export function GreenApiWebhookForm({ target, settings, onSaved }: {
  target: { accountId: string; instanceId: string };
  settings: GreenApiWebhookSettings;
  onSaved: (settings: GreenApiWebhookSettings) => void;
}) {
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [mode, setMode] = useState<Mode>(settings.webhookUrl ? 'webhook' : 'polling');
  const [url, setUrl] = useState(settings.webhookUrl);
  const [authKind, setAuthKind] = useState<AuthKind>('keep');
  const [secret, setSecret] = useState({ token: '', user: '', password: '' });
  const [switches, setSwitches] = useState(settings.switches);
  const values = Object.fromEntries(Object.entries(switches).filter(([, value]) => value !== null)) as Partial<Record<GreenApiNotificationSwitch, 'yes' | 'no'>>;
  const findings = greenApiNotificationFindings(values);

  const authorization = (): AuthorizationChange => {
    switch (authKind) {
      case 'bearer':
        return { kind: 'bearer', token: secret.token };
      case 'basic':
        return { kind: 'basic', user: secret.user, password: secret.password };
      default:
        return { kind: authKind };
    }
  };

  const saving = useAction(() => call('webhooks.greenapiSave', { ...target, webhookUrl: mode === 'polling' ? '' : url, authorization: authorization(), switches: values }));
  const { busy, error } = saving;
  const errors = webhookFieldErrors(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saving.run();
    if (!result) return;
    announce(result.changed.length ? t('webhooks.ga.saved', { count: result.changed.length, keys: result.changed.join(', ') }) : t('webhooks.ga.unchanged'));
    setSecret({ token: '', user: '', password: '' });
    setAuthKind('keep');
    onSaved(result.settings);
  };

  const current = settings.authorization;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {error && error.code !== 'invalid_input' && <ErrorMessage error={error} />}
      <fieldset className="fieldset">
        <legend>{t('webhooks.ga.mode')}</legend>
        {(['webhook', 'polling'] as const).map((value) => (
          <div key={value} className="choice">
            <label className="checkbox">
              <input type="radio" name="ga-mode" checked={mode === value} onChange={() => setMode(value)} aria-describedby={`ga-mode-${value}`} />
              {t(`webhooks.ga.mode.${value}`)}
            </label>
            <p id={`ga-mode-${value}`} className="field-hint">
              {t(`webhooks.ga.mode.${value}Hint`)}
            </p>
          </div>
        ))}
        {mode === 'webhook' && <WebhookUrlField id="ga-webhook-url" label={t('webhooks.ga.url')} hint={t('webhooks.urlHint')} value={url} onChange={setUrl} error={errors.webhookUrl} required />}
      </fieldset>
      <HintedFieldset hintId="ga-auth-hint" legend={t('webhooks.ga.authorization')} hint={t('webhooks.ga.authorizationHint')}>
        <p data-testid="ga-auth-current">
          {current.set ? t('webhooks.ga.auth.current', { value: `Authorization: ${current.scheme === 'custom' ? '' : `${current.scheme} `}${current.masked ?? ''}` }) : t('webhooks.ga.auth.currentNone')}
        </p>
        {(['keep', 'clear', 'bearer', 'basic'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="ga-auth" checked={authKind === kind} onChange={() => setAuthKind(kind)} />
            {t(`webhooks.ga.auth.${kind}`)}
          </label>
        ))}
        {authKind === 'bearer' && (
          <SecretField id="ga-auth-token" label={t('webhooks.ga.auth.token')} value={secret.token} onChange={(token) => setSecret({ ...secret, token })} error={errors.authorization} required />
        )}
        {authKind === 'basic' && (
          <div className="field-grid">
            <TextField id="ga-auth-user" label={t('webhooks.ga.auth.user')} value={secret.user} onChange={(user) => setSecret({ ...secret, user })} error={errors.authorization} required />
            <SecretField id="ga-auth-password" label={t('webhooks.ga.auth.password')} value={secret.password} onChange={(password) => setSecret({ ...secret, password })} required />
          </div>
        )}
        {(authKind === 'bearer' || authKind === 'basic') && (
          <p className="mono">{t('webhooks.ga.auth.preview', { header: t(authKind === 'basic' ? 'webhooks.ga.auth.previewBasic' : 'webhooks.ga.auth.previewBearer') })}</p>
        )}
      </HintedFieldset>
      <fieldset className="fieldset">
        <legend>{t('webhooks.ga.switches')}</legend>
        {GREENAPI_NOTIFICATION_SWITCHES.map((key) => (
          <label key={key} className="checkbox">
            <input type="checkbox" checked={switches[key] === 'yes'} onChange={(event) => setSwitches({ ...switches, [key]: event.target.checked ? 'yes' : 'no' })} />
            <span>
              {t(`webhooks.ga.switch.${key}`)} <span className="mono muted">{key}</span>
            </span>
          </label>
        ))}
        <NotificationFindings findings={findings} testId="ga-findings" />
      </fieldset>
      <p className="message message-warning">{t('webhooks.ga.restartWarning')}</p>
      <FormActions submit={t('webhooks.ga.save')} busy={busy} />
    </form>
  );
}
