import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { fieldIssueOf } from '../../shared/field-problems';
import { ProxyModeSchema, ProxySettingsInputSchema, type NetworkSettingsView, type ProxyMode, type ProxySettingsInput } from '../../shared/network-settings';
import { call } from '../bridge/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { SecretField } from '../components/SecretField';
import { TextField } from '../components/TextField';
import { fieldErrorsOf, translateFieldErrors, type FieldProblems } from '../errors/field-errors';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { useNoticeStore } from '../stores/notice-store';

type Draft = { mode: ProxyMode; url: string; username: string; bypass: string; password: string; forget: boolean };

const fromView = (view: NetworkSettingsView): Draft => ({ mode: view.mode, url: view.url, username: view.username, bypass: view.bypass, password: '', forget: false });

/**
 * What the form sends: a typed password replaces the saved one, "forget" clears it, nothing keeps it. The proxy's
 * fields are hidden outside "Use this proxy": there the saved ones are sent back unchanged, kept for switching back.
 */
function toInput(draft: Draft, view: NetworkSettingsView): ProxySettingsInput {
  const { password, forget, ...rest } = draft;
  if (draft.mode !== 'manual') return { mode: draft.mode, url: view.url, username: view.username, bypass: view.bypass };
  return { ...rest, ...(password ? { password } : forget ? { password: null } : {}) };
}

/**
 * The proxy: where it is, who logs in, what bypasses it. Checked here with the same schema main applies, so a typo is
 * shown at its field before anything is sent; the password is typed once and only ever shown back as a mask.
 */
export function ProxySettingsForm(props: { view: NetworkSettingsView; onSaved: (view: NetworkSettingsView) => void; onDirtyChange: (dirty: boolean) => void }) {
  const { view, onSaved, onDirtyChange } = props;
  const t = useT();
  const announce = useNoticeStore((state) => state.announce);
  const [draft, setDraft] = useState<Draft>(() => fromView(view));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = fromView(view);
  const dirty = (Object.keys(saved) as (keyof Draft)[]).some((key) => saved[key] !== draft[key]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const errors = translateFieldErrors(problems, t);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = toInput(draft, view);
    const checked = ProxySettingsInputSchema.safeParse(input);
    const found: Record<string, ReturnType<typeof fieldIssueOf>> = {};
    for (const issue of checked.error?.issues ?? []) found[issue.path.join('.')] ??= fieldIssueOf(issue, { input });
    setProblems(found);
    if (!checked.success) return focusFirst(found);
    setBusy(true);
    try {
      const next = await call('network.update', input);
      setDraft(fromView(next));
      onSaved(next);
      announce(t('network.saved'));
    } catch (caught) {
      const error = toAppError(caught);
      const fields = fieldErrorsOf(error, '');
      if (Object.keys(fields).length) {
        setProblems(fields);
        focusFirst(fields);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const environment = view.environment;
  const envSet = environment.httpsProxy || environment.httpProxy;
  const notSet = t('network.environment.notSet');
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('network.title')}>
      <fieldset className="fieldset">
        <legend>{t('network.mode')}</legend>
        {ProxyModeSchema.options.map((mode) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="network-mode" checked={draft.mode === mode} onChange={() => set({ mode })} />
            {t(`network.mode.${mode}`)}
          </label>
        ))}
        {draft.mode === 'environment' && (
          <p className="field-hint">
            {envSet ? t('network.environment.set', { https: environment.httpsProxy ?? notSet, http: environment.httpProxy ?? notSet }) : t('network.environment.none')}
          </p>
        )}
      </fieldset>
      {draft.mode === 'manual' && (
        <>
          <TextField id="network-url" label={t('network.url')} type="url" inputMode="url" value={draft.url} onChange={(url) => set({ url })} hint={t('network.urlHint')} error={errors.url} required />
          <div className="field-grid">
            <TextField id="network-username" label={t('network.username')} value={draft.username} onChange={(username) => set({ username })} error={errors.username} autoComplete="off" />
            <SecretField
              id="network-password"
              label={t('network.password')}
              value={draft.password}
              onChange={(password) => set({ password })}
              storedMask={view.password && !draft.forget ? view.password.masked : undefined}
              hint={t('network.passwordHint')}
              error={errors.password}
            />
          </div>
          {view.password && (
            <label className="checkbox">
              <input type="checkbox" checked={draft.forget} onChange={(event) => set({ forget: event.target.checked, password: '' })} />
              {t('network.forgetPassword')}
            </label>
          )}
          <TextField id="network-bypass" label={t('network.bypass')} value={draft.bypass} onChange={(bypass) => set({ bypass })} hint={t('network.bypassHint')} error={errors.bypass} />
        </>
      )}
      {failure && <ErrorMessage error={failure} />}
      <FormActions submit={t('network.save')} busy={busy} />
    </form>
  );
}

const FIELD_IDS: Record<string, string> = { url: 'network-url', username: 'network-username', password: 'network-password', bypass: 'network-bypass' };

function focusFirst(problems: FieldProblems) {
  const first = Object.keys(FIELD_IDS).find((path) => problems[path]);
  if (first) document.getElementById(FIELD_IDS[first]!)?.focus();
}
