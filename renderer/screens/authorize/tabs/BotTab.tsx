import { useState, type FormEvent } from 'react';
import { TelegramBotFormSchema } from '../../../../shared/auth';
import type { CallOutput } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/errors';
import { fieldIssueOf } from '../../../../shared/field-problems';
import { call } from '../../../bridge/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SecretField } from '../../../components/SecretField';
import { TextField } from '../../../components/TextField';
import { toAppError } from '../../../errors/to-app-error';
import { useT } from '../../../i18n/use-t';
import { fieldIssueText } from '../../../errors/field-problem-text';
import { providerFieldProblem } from '../field-messages';
import type { TabProps } from './QrTab';

type Fields = { botToken: string; menuTitle: string; menuLink: string };
/** §4.3's query parameters, as the platform's 422 names them. */
const PROVIDER_FIELDS: Record<keyof Fields, string> = { botToken: 'api_token', menuTitle: 'menu_title', menuLink: 'menu_link' };
type Result = CallOutput<'auth.telegramBot'>;

/** Telegram bot (§4.3, Jetapi): the bot token and an optional menu button; the bot's link once it runs. */
export function BotTab({ target }: TabProps) {
  const t = useT();
  const [fields, setFields] = useState<Fields>({ botToken: '', menuTitle: '', menuLink: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bot = { botToken: fields.botToken, ...(fields.menuTitle.trim() ? { menuTitle: fields.menuTitle } : {}), ...(fields.menuLink.trim() ? { menuLink: fields.menuLink } : {}) };
    const parsed = TelegramBotFormSchema.safeParse(bot);
    const found: Partial<Record<keyof Fields, string>> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) found[issue.path[0] as keyof Fields] ??= fieldIssueText(fieldIssueOf(issue), t);
    setErrors(found);
    setFailure(null);
    if (!parsed.success) return;
    setBusy(true);
    try {
      setResult(await call('auth.telegramBot', { ...target, bot }));
    } catch (error) {
      const shape = toAppError(error);
      const fromMain: Partial<Record<keyof Fields, string>> = {};
      for (const issue of shape.code === 'invalid_input' ? (shape.details?.fields ?? []) : []) fromMain[issue.path.split('.').pop() as keyof Fields] ??= fieldIssueText(issue, t);
      // The platform refused a field (a bot token it does not accept): its words go under that input.
      for (const key of Object.keys(PROVIDER_FIELDS) as (keyof Fields)[]) {
        const refused = providerFieldProblem(shape, [PROVIDER_FIELDS[key]], t);
        if (refused) fromMain[key] ??= refused;
      }
      if (Object.keys(fromMain).length) setErrors(fromMain);
      else setFailure(shape);
    } finally {
      setBusy(false);
    }
  };

  const set = (key: keyof Fields) => (value: string) => setFields({ ...fields, [key]: value });
  return (
    <form className="bot-panel" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('authorize.bot.intro')}</p>
      <SecretField id="bot-token" label={t('authorize.bot.token')} value={fields.botToken} onChange={set('botToken')} error={errors.botToken} hint={t('authorize.bot.tokenHint')} required />
      <div className="field-grid">
        <TextField id="bot-menu-title" label={t('authorize.bot.menuTitle')} value={fields.menuTitle} onChange={set('menuTitle')} error={errors.menuTitle} />
        <TextField id="bot-menu-link" label={t('authorize.bot.menuLink')} type="url" inputMode="url" value={fields.menuLink} onChange={set('menuLink')} error={errors.menuLink} placeholder="https://" />
      </div>
      <p className="field-hint">{t('authorize.bot.menuHint')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {t('authorize.bot.connect')}
        </button>
      </div>
      {failure && <ErrorMessage error={failure} />}
      {result && (
        <div className="message message-info" role="status">
          <p>{t('authorize.bot.connected', { status: result.status ?? '—' })}</p>
          {result.botLink && (
            <p>
              {t('authorize.bot.link')} <span className="mono selectable">{result.botLink}</span>
            </p>
          )}
        </div>
      )}
    </form>
  );
}
