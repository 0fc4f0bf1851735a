import { useRef } from 'react';
import { CHATPUSH_BRAND_HOSTS, type ChatpushBrand, type ChatpushHosts } from '../../../../shared/providers';
import { SecretField } from '../../../components/SecretField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { BRANDS, brandName } from '../../../i18n/provider-names';
import { useT } from '../../../i18n/use-t';
import { ClientTokensEditor } from './ClientTokensEditor';
import { fieldId } from './field-labels';
import { secretProblem, useFieldBinding, type ProviderFieldsProps } from './provider-fields';

const HOST_KEYS = ['rest', 'root', 'whatsappWs', 'telegramWs'] as const satisfies readonly (keyof ChatpushHosts)[];

/** Chategy / Jetapi: a brand preset (or custom hosts), the developer key, client tokens and the socket Origin. */
export function ChatpushFields({ form, onChange, errors, saved }: ProviderFieldsProps<'chatpush'>) {
  const t = useT();
  const bind = useFieldBinding('chatpush', errors);
  // Custom hosts the user typed survive a look at a preset and back.
  const customHosts = useRef<ChatpushHosts>(form.brand === 'custom' ? form.hosts : { ...CHATPUSH_BRAND_HOSTS.chategy });
  const custom = form.brand === 'custom';

  const chooseBrand = (brand: ChatpushBrand) => {
    if (custom) customHosts.current = form.hosts;
    const hosts = brand === 'custom' ? { ...customHosts.current } : { ...CHATPUSH_BRAND_HOSTS[brand] };
    onChange({ ...form, brand, hosts });
  };
  const setHost = (key: keyof ChatpushHosts, value: string) => onChange({ ...form, hosts: { ...form.hosts, [key]: value } });

  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('chatpush.hosts')}</legend>
        <SelectField
          id={fieldId('brand')}
          label={t('chatpush.brand')}
          value={form.brand}
          options={BRANDS.map((brand) => ({ value: brand, label: brandName(brand, t) }))}
          onChange={chooseBrand}
          hint={t('chatpush.brandHint')}
        />
        <div className="field-grid">
          {HOST_KEYS.map((key) => (
            <TextField
              key={key}
              {...bind(`hosts.${key}`)}
              type="url"
              value={form.hosts[key]}
              onChange={(value) => setHost(key, value)}
              readOnly={!custom}
              required
            />
          ))}
        </div>
        {!custom && <p className="field-hint">{t('chatpush.hostsPreset', { brand: brandName(form.brand, t) })}</p>}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('chatpush.developerAccess')}</legend>
        <SecretField
          {...bind('apiKey')}
          value={form.apiKey}
          onChange={(apiKey) => onChange({ ...form, apiKey })}
          storedMask={saved?.apiKey.masked}
          problem={secretProblem(saved, 'apiKey')}
          hint={t('chatpush.apiKeyHint')}
          required
        />
        <SecretField
          {...bind('idempotencyKey')}
          value={form.idempotencyKey}
          onChange={(idempotencyKey) => onChange({ ...form, idempotencyKey })}
          storedMask={form.clearIdempotencyKey ? undefined : saved?.idempotencyKey?.masked}
          problem={form.clearIdempotencyKey ? undefined : secretProblem(saved, 'idempotencyKey')}
          hint={t('chatpush.idempotencyKeyHint')}
        />
        {saved?.idempotencyKey && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.clearIdempotencyKey}
              onChange={(event) => onChange({ ...form, clearIdempotencyKey: event.target.checked, idempotencyKey: '' })}
            />
            {t('chatpush.clearIdempotencyKey')}
          </label>
        )}
      </fieldset>

      <ClientTokensEditor form={form} onChange={onChange} errors={errors} saved={saved} />

      <TextField
        {...bind('wsOrigin')}
        type="url"
        value={form.wsOrigin}
        onChange={(wsOrigin) => onChange({ ...form, wsOrigin })}
        placeholder="https://crm.example.com"
        hint={t('chatpush.wsOriginHint')}
      />
    </>
  );
}
