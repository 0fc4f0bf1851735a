import { checkWebhookUrl } from '../../../../shared/webhook-url';
import { TextField, type TextFieldProps } from '../../../components/TextField';
import { useT } from '../../../i18n/use-t';

/**
 * An address a provider will POST to (webhook, status callback, tester target). https is expected; plain http is
 * accepted but the field says what it means before anything is saved or sent.
 */
export function WebhookUrlField(props: Omit<TextFieldProps, 'type' | 'inputMode'>) {
  const t = useT();
  const insecure = props.value.trim() !== '' && checkWebhookUrl(props.value).insecure;
  return (
    <div className="url-field">
      <TextField {...props} type="url" inputMode="url" />
      {insecure && (
        <p className="message message-warning" role="status" data-testid="insecure-url-warning">
          {t('deliveries.url.insecure')}
        </p>
      )}
    </div>
  );
}
