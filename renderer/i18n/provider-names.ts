import { ChatpushBrandSchema, ProviderIdSchema, type ChatpushBrand, type ProviderId } from '../../shared/providers';
import type { Translate } from './translate';

/** Brand names stay as their owners spell them; only "Custom hosts" is translated. */
const PROVIDER_NAMES: Record<ProviderId, string> = {
  chatpush: 'Chategy / Jetapi',
  greenapi: 'GREEN-API',
  chat2desk: 'Chat2Desk',
  chatti: 'Chatti',
};

/** A provider id as people know it; an id this build does not know is shown as it came. */
export function providerName(provider: string): string {
  const known = ProviderIdSchema.safeParse(provider);
  return known.success ? PROVIDER_NAMES[known.data] : provider;
}

export function brandName(brand: ChatpushBrand, t: Translate): string {
  switch (brand) {
    case 'chategy':
      return 'Chategy';
    case 'jetapi':
      return 'Jetapi';
    case 'custom':
      return t('brand.custom');
  }
}

export const BRANDS = ChatpushBrandSchema.options;
export const PROVIDERS = ProviderIdSchema.options;
