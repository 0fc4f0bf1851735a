import type { WebhookCatalogue } from '../../../../shared/webhooks';
import { chat2DeskEventCatalogue } from '../../providers/chat2desk/events';
import { FREE_WEBHOOK_LIMIT } from '../../providers/chat2desk/webhook-schemas';
import { WEBHOOK_SUBSCRIPTION_TYPES } from '../../providers/chatpush/webhook-schemas';

/**
 * §5.2: payload `type` values differ from subscription names. message_status arrives for whatsapp_status_msg;
 * whatsapp_call comes with whatsapp_incoming_msg (incoming calls only). tdlib_call has no subscription of its own:
 * the reading here is that it comes with tdlib_incoming_msg, as whatsapp_call does with its messenger's messages.
 */
const PAYLOAD_TYPES: Record<(typeof WEBHOOK_SUBSCRIPTION_TYPES)[number], string[]> = {
  whatsapp_log_out: ['whatsapp_log_out'],
  whatsapp_log_in: ['whatsapp_log_in'],
  whatsapp_incoming_msg: ['whatsapp_incoming_msg', 'whatsapp_call'],
  tdlib_incoming_msg: ['tdlib_incoming_msg', 'tdlib_call'],
  whatsapp_status_msg: ['message_status'],
};

/** What each provider's webhooks can receive, from the provider folders' own lists (one copy each). */
export function webhookCatalogue(): WebhookCatalogue {
  return {
    chatpush: { types: WEBHOOK_SUBSCRIPTION_TYPES.map((type) => ({ type, payloadTypes: PAYLOAD_TYPES[type] })) },
    chat2desk: { events: chat2DeskEventCatalogue(), freeLimit: FREE_WEBHOOK_LIMIT },
  };
}
