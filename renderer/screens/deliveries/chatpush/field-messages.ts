import type { FieldErrors } from '../../../errors/field-errors';
import type { MessageKey } from '../../../i18n/catalog';
import type { Translate } from '../../../i18n/translate';

/**
 * The send rules main checks (providers/chatpush/inputs.ts, services/deliveries/test-message.ts) answer in English;
 * the ones a person meets while typing a test message are worded here. Others are shown as main wrote them.
 */
const KNOWN: readonly [RegExp, MessageKey][] = [
  [/^must be an international phone number/, 'deliveries.field.phoneFormat'],
  [/^cannot be empty$/, 'deliveries.field.textEmpty'],
  [/^must be between 1 minute and 1 month ahead$/, 'deliveries.field.scheduleWindow'],
  [/^must be a date and time$/, 'deliveries.field.dateTime'],
  [/^needs a phone, a Telegram username/, 'deliveries.field.recipient'],
];

export function wordSendErrors(errors: FieldErrors, t: Translate): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const known = KNOWN.find(([pattern]) => pattern.test(message));
      return [path, known ? t(known[1]) : message];
    }),
  );
}
