import { describe, expect, it } from 'vitest';
import { isFinalDeliveryStatus } from '../../../../../shared/chatpush-delivery-statuses';
import { CHATPUSH_STATUS_CALLBACK } from '../../../../../shared/webhook-tester';
import { parseChat2DeskEvent } from '../../../providers/chat2desk/events';
import { DeliveryCallbackSchema } from '../../../providers/chatpush/delivery-schemas';
import { WebhookEventSchema } from '../../../providers/chatpush/webhook-schemas';
import { NotificationSchema } from '../../../providers/greenapi/schemas';
import { CHAT2DESK_SAMPLE_TYPES, chat2DeskSample } from './chat2desk-samples';
import { CHATPUSH_SAMPLE_TYPES, chatpushSample } from './chatpush-samples';
import { GREENAPI_SAMPLE_TYPES, greenApiSample } from './greenapi-samples';

/** Every sample the tester sends must be what the provider's own parser accepts: realistic, not merely JSON. */
describe('tester samples', () => {
  it('Chategy/Jetapi: every payload type, in both variants, parses as that type', () => {
    for (const type of CHATPUSH_SAMPLE_TYPES.filter((candidate) => candidate !== CHATPUSH_STATUS_CALLBACK)) {
      for (const variant of ['developer', 'individual'] as const) {
        const parsed = WebhookEventSchema.safeParse(chatpushSample(type, variant, 1_751_290_217));
        expect(parsed.success, `${type} ${variant}`).toBe(true);
        if (parsed.success) expect(parsed.data.type).toBe(type);
      }
    }
  });

  it('Chategy/Jetapi: the §6.7 status callback parses as one, with a final status', () => {
    expect(CHATPUSH_SAMPLE_TYPES).toContain(CHATPUSH_STATUS_CALLBACK);
    const parsed = DeliveryCallbackSchema.parse(chatpushSample(CHATPUSH_STATUS_CALLBACK, 'developer', 1_751_290_217));
    expect(parsed).toMatchObject({ deliveryId: 94_396_942, statusId: 16, description: 'Read', channel: 'whatsapp' });
    expect(isFinalDeliveryStatus(parsed.statusId)).toBe(true);
  });

  it('GREEN-API: every notification type parses as itself', () => {
    for (const type of GREENAPI_SAMPLE_TYPES) {
      const parsed = NotificationSchema.safeParse(greenApiSample(type, { idInstance: 1101123456, wid: '11001234567@c.us' }, 1_727_691_478));
      expect(parsed.success, type).toBe(true);
      if (parsed.success) expect(parsed.data.typeWebhook).toBe(type);
    }
  });

  it('Chat2Desk: all 25 events parse as themselves', () => {
    expect(CHAT2DESK_SAMPLE_TYPES).toHaveLength(25);
    for (const name of CHAT2DESK_SAMPLE_TYPES) {
      const parsed = parseChat2DeskEvent(chat2DeskSample(name, new Date('2025-04-03T11:50:06.984Z')));
      expect(parsed, name).toMatchObject({ ok: true, event: { name } });
    }
  });
});
