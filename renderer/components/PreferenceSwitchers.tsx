import { LocaleSchema, ThemeSchema, type AppSettings } from '../../shared/settings';
import { describeError } from '../errors/describe-error';
import { toAppError } from '../errors/to-app-error';
import { useT } from '../i18n/use-t';
import { useNoticeStore } from '../stores/notice-store';
import { useSettingsStore } from '../stores/settings-store';
import { SelectField } from './SelectField';

/** Each language is named in itself, so someone who cannot read the current one can still find theirs. */
const LANGUAGE_NAMES: Record<AppSettings['locale'], string> = { en: 'English', ru: 'Русский' };

/** Language and theme, in the header and on the vault screens. */
export function PreferenceSwitchers() {
  const t = useT();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const announce = useNoticeStore((state) => state.announce);

  const change = (patch: Partial<AppSettings>) =>
    update(patch).catch((error: unknown) => announce(t('settings.notSaved', { reason: describeError(toAppError(error), t) }), 'error'));

  return (
    <div className="preferences">
      <SelectField
        id="preference-language"
        label={t('settings.language')}
        value={settings.locale}
        options={LocaleSchema.options.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
        onChange={(locale) => change({ locale })}
      />
      <SelectField
        id="preference-theme"
        label={t('settings.theme')}
        value={settings.theme}
        options={ThemeSchema.options.map((theme) => ({ value: theme, label: t(`settings.theme.${theme}`) }))}
        onChange={(theme) => change({ theme })}
      />
    </div>
  );
}
