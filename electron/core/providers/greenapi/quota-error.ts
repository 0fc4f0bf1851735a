import { AppError } from '../../app-error';
import type { GreenApiQuota } from './quota-schemas';

/**
 * HTTP 466 (specs/greenapi.md §8.1) with its body parsed: which quota is used up and the figures. The code stays
 * `quota_exceeded`; across the bridge the figures travel in `details.providerMessage` ("correspondents: 3 of 3 used
 * (CORRESPONDENTS_QUOTE_EXCEEDED): …"), in-process callers read `quota`.
 */
export class GreenApiQuotaError extends AppError {
  constructor(
    base: AppError,
    readonly quota: GreenApiQuota,
  ) {
    super('quota_exceeded', base.message, base.details);
    this.name = 'GreenApiQuotaError';
  }
}
