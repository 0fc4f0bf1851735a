import { MESSAGE_MAX_LENGTH } from '../../providers/greenapi/sending-schemas';
import { readJson, type MethodSpec } from './method-table';
import { enqueueSend } from './outbox';
import { CHAT_ID_RULE, validateBody } from './validation';

export const sendingMethods: Record<string, MethodSpec> = {
  /**
   * §7.1 sendMessage: validated as the document words it, then queued (§8.4) — 200 with an idMessage even when the
   * instance is not authorized (the queue keeps it 24 h) or `quotedMessageId` is wrong. On the Developer tariff a
   * 4th chat of the month is refused with 466 and a quotaExceeded notification (§8.1).
   */
  sendMessage: {
    verb: 'POST',
    needs: 'created',
    handle: (context) => {
      const { engine, wire, instance } = context;
      const body = readJson(context);
      if ('response' in body) return body.response;
      const problem = validateBody(body.value, {
        chatId: CHAT_ID_RULE,
        message: { type: 'string', required: true, notEmpty: true, maxLength: MESSAGE_MAX_LENGTH },
        quotedMessageId: { type: 'string' },
        linkPreview: { type: 'boolean' },
      });
      if (problem) return wire.message(400, problem);
      const { chatId, message, quotedMessageId, linkPreview = true } = body.value as {
        chatId: string;
        message: string;
        quotedMessageId?: string;
        linkPreview?: boolean;
      };
      const usage = engine.runtime(instance).usage;
      if (instance.tariff === 'developer') {
        const refusal = usage.correspond(chatId, 'sendMessage', engine.now());
        if (refusal) {
          if (refusal.notification) engine.emit(instance, 'quotaExceeded', { quotaData: refusal.notification }, 'always');
          return wire.jsonResponse(466, refusal.body);
        }
      }
      usage.count('sendMessage', engine.now());
      const item = enqueueSend(engine, instance, { chatId, message, ...(quotedMessageId ? { quotedMessageId } : {}), linkPreview });
      return wire.jsonResponse(200, { idMessage: item.messageID });
    },
  },
};
