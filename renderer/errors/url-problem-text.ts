import type { Translate } from '../i18n/translate';

/** The reasons shared/url.ts gives for refusing a provider URL, in words. */
export function urlProblemText(reason: string, t: Translate): string {
  switch (reason) {
    case 'credentials_in_url':
      return t('field.url_credentials');
    case 'insecure_scheme':
      return t('field.url_insecure', { secure: 'https://', plain: 'http://' });
    case 'wrong_scheme':
      return t('field.url_wrong_scheme', { secure: 'https://' });
    default:
      return t('field.url_not_a_url');
  }
}
