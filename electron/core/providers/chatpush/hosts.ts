import { CHATPUSH_BRAND_HOSTS, type ChatpushBrand, type ChatpushHosts } from '../../../../shared/providers';
import { AppError } from '../../app-error';

/**
 * A brand's hosts (spec §1.3) with any of them overridden: white-label deployments, the third brand's hosts
 * that the documents use (api.chatpush.ru), or the sandbox. A custom brand has no preset, so it needs all four.
 */
export function chatpushHosts(brand: ChatpushBrand, overrides: Partial<ChatpushHosts> = {}): ChatpushHosts {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value)) as Partial<ChatpushHosts>;
  if (brand !== 'custom') return { ...CHATPUSH_BRAND_HOSTS[brand], ...defined };
  const missing = (['rest', 'root', 'whatsappWs', 'telegramWs'] as const).filter((key) => !defined[key]);
  if (missing.length > 0) {
    throw new AppError(
      'invalid_input',
      `A custom Chategy/Jetapi brand has no preset hosts: set ${missing.join(', ')} in the account settings.`,
      { provider: 'chatpush', operation: 'chatpushHosts', fields: missing.map((path) => ({ path, message: 'Required' })) },
    );
  }
  return defined as ChatpushHosts;
}
