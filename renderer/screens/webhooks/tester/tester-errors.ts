import type { AppErrorShape } from '../../../../shared/errors';
import { describeError } from '../../../errors/describe-error';
import type { Translate } from '../../../i18n/translate';

const NETWORK = ['timeout', 'connection_refused', 'connection_reset', 'host_not_found', 'tls_error', 'network_error'] as const;
type NetworkCode = (typeof NETWORK)[number];

/** Not reaching the receiver, said about the receiver (the generic wording would blame the provider). */
export function testerErrorText(error: AppErrorShape, t: Translate): string {
  if (!(NETWORK as readonly string[]).includes(error.code)) return describeError(error, t);
  const where = error.details?.host ? ` (${error.details.host})` : '';
  return t('webhooks.tester.noAnswer', { reason: t(`webhooks.tester.net.${error.code as NetworkCode}`) + where });
}
