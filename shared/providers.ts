import { z } from 'zod';

/**
 * Chategy and Jetapi are white-label brands of one platform (specs/chatpush-chategy-jetapi.md), so they are one
 * provider with brand presets; the third brand's hosts (chatpush/pushsms) appear only inside their documents.
 */
export const ProviderIdSchema = z.enum(['chatpush', 'greenapi', 'chat2desk', 'chatti']);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

export const ChatpushBrandSchema = z.enum(['chategy', 'jetapi', 'custom']);
export type ChatpushBrand = z.infer<typeof ChatpushBrandSchema>;

export const ChatpushHostsSchema = z.object({
  rest: z.string(),
  root: z.string(),
  whatsappWs: z.string(),
  telegramWs: z.string(),
});
export type ChatpushHosts = z.infer<typeof ChatpushHostsSchema>;

/** Spec §1.3. Chategy documents its WhatsApp socket only on the third brand's host (msg-farmer.pushsms.ru). */
export const CHATPUSH_BRAND_HOSTS: Record<Exclude<ChatpushBrand, 'custom'>, ChatpushHosts> = {
  chategy: {
    rest: 'https://api.chategy.io',
    root: 'https://chategy.io',
    whatsappWs: 'wss://msg-farmer.pushsms.ru/socket/websocket',
    telegramWs: 'wss://api.chategy.io/socket/websocket',
  },
  jetapi: {
    rest: 'https://api.jetapi.io',
    root: 'https://jetapi.io',
    whatsappWs: 'wss://msg-farmer.jetapi.io/socket/websocket',
    telegramWs: 'wss://api.jetapi.io/socket/websocket',
  },
};

/** specs/greenapi.md §1: the universal hosts; the personal account may show dedicated ones. */
export const GREENAPI_DEFAULT_HOSTS = { apiUrl: 'https://api.green-api.com', mediaUrl: 'https://media.green-api.com' };
export const CHAT2DESK_DEFAULT_BASE_URL = 'https://api.chat2desk.com';
/**
 * Chatti documents no endpoints and no base URL (specs/chat2desk-chatti.md Part B), so both are the user's to
 * set; the probe is any read-only path of theirs that answers 200 with a valid key.
 */
export const CHATTI_DEFAULT_PROBE_PATH = '/v1/contacts?per_page=1';

/** What each provider's adapter can do; screens render from this, never from the provider id. */
export const CapabilitySchema = z.enum([
  'instances.create',
  'instances.list',
  'auth.qrSocket',
  'auth.qrHttp',
  'auth.pairingCode',
  'auth.telegram',
  'auth.telegramBot',
  'auth.max',
  'settings',
  'balance',
  'webhooks',
  'deliveries',
  'workbench',
]);
export type Capability = z.infer<typeof CapabilitySchema>;

export const PROVIDER_CAPABILITIES: Record<ProviderId, readonly Capability[]> = {
  chatpush: [
    'instances.create',
    'instances.list',
    'auth.qrSocket',
    'auth.telegram',
    'auth.telegramBot',
    'auth.max',
    'settings',
    'balance',
    'webhooks',
    'deliveries',
  ],
  greenapi: ['instances.list', 'auth.qrSocket', 'auth.qrHttp', 'auth.pairingCode', 'settings', 'webhooks', 'deliveries'],
  chat2desk: ['balance', 'webhooks', 'deliveries', 'settings'],
  chatti: ['workbench'],
};
