import type { ProviderId } from '../../../../shared/providers';
import { PROVIDERS, providerName } from '../../../i18n/provider-names';
import { useT } from '../../../i18n/use-t';

/** The four providers as radio buttons, each with a line on what its account holds. */
export function ProviderPicker({ value, onChange }: { value: ProviderId; onChange: (provider: ProviderId) => void }) {
  const t = useT();
  return (
    <fieldset className="fieldset provider-picker">
      <legend>{t('account.provider')}</legend>
      {PROVIDERS.map((provider) => (
        <label key={provider} className="provider-option">
          <input
            type="radio"
            name="provider"
            value={provider}
            checked={value === provider}
            onChange={() => onChange(provider)}
            aria-describedby={`provider-${provider}-description`}
          />
          <span>
            <span className="provider-option-name">{providerName(provider)}</span>
            {/* Hidden from the name (so the radio is called just "GREEN-API") but read as its description. */}
            <span id={`provider-${provider}-description`} className="provider-option-description" aria-hidden="true">
              {t(`provider.${provider}.description`)}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
