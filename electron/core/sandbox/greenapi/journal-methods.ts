import { pendingSends } from './outbox';
import { readJson, type MethodContext, type MethodSpec } from './method-table';
import { CHAT_ID_RULE, validateBody } from './validation';

/** §6: lastIncomingMessages / lastOutgoingMessages `minutes`, default 1440. */
function sinceSeconds({ engine, req }: MethodContext): number {
  const minutes = Number(req.url.searchParams.get('minutes') ?? 1440);
  return engine.seconds() - (Number.isFinite(minutes) && minutes > 0 ? minutes : 1440) * 60;
}

export const journalMethods: Record<string, MethodSpec> = {
  /** §6 getMessage: one entry; a queued or unknown id is "not found". */
  getMessage: {
    verb: 'POST',
    needs: 'linked',
    handle: (context) => {
      const { engine, wire, instance } = context;
      const body = readJson(context);
      if ('response' in body) return body.response;
      const problem = validateBody(body.value, { chatId: CHAT_ID_RULE, idMessage: { type: 'string', required: true, notEmpty: true } });
      if (problem) return wire.message(400, problem);
      const { chatId, idMessage } = body.value as { chatId: string; idMessage: string };
      if (idMessage.length < 16) return wire.message(400, "Validation failed. Details: 'message id' must be at least 16 symbols");
      const journal = engine.runtime(instance).journal;
      const now = engine.now();
      if (!journal.hasChat(chatId, now)) return wire.message(400, 'chatId not found');
      const found = journal.visible(now).find((record) => record.entry.idMessage === idMessage && record.entry.chatId === chatId);
      return found ? wire.jsonResponse(200, found.entry) : wire.message(400, `Message not found by id '${idMessage}'`);
    },
  },

  /** §6 getChatHistory: newest first, `count` (default 100). */
  getChatHistory: {
    verb: 'POST',
    needs: 'linked',
    handle: (context) => {
      const { engine, wire, instance } = context;
      const body = readJson(context);
      if ('response' in body) return body.response;
      const record = body.value as Record<string, unknown> | undefined;
      if (record && typeof record === 'object' && record.count !== undefined && typeof record.count !== 'number') {
        return wire.message(400, "Bad Request Validation failed. Details: 'count' must be a number");
      }
      const problem = validateBody(body.value, { chatId: CHAT_ID_RULE, count: { type: 'integer', min: 1 } });
      if (problem) return wire.message(400, problem);
      const { chatId, count = 100 } = body.value as { chatId: string; count?: number };
      const entries = engine.runtime(instance).journal.visible(engine.now()).filter((entry) => entry.entry.chatId === chatId);
      return wire.jsonResponse(200, entries.slice(0, count).map((entry) => entry.entry));
    },
  },

  lastIncomingMessages: {
    verb: 'GET',
    needs: 'created',
    handle: (context) => {
      const since = sinceSeconds(context);
      const { engine, wire, instance } = context;
      const entries = engine.runtime(instance).journal.visible(engine.now());
      return wire.jsonResponse(200, entries.filter((record) => record.entry.type === 'incoming' && record.entry.timestamp >= since).map((record) => record.entry));
    },
  },

  /** §6: `timestamp` is the time of the last action on the message. */
  lastOutgoingMessages: {
    verb: 'GET',
    needs: 'created',
    handle: (context) => {
      const since = sinceSeconds(context);
      const { engine, wire, instance } = context;
      const entries = engine.runtime(instance).journal.visible(engine.now());
      return wire.jsonResponse(
        200,
        entries
          .filter((record) => record.entry.type === 'outgoing' && record.lastActionAt >= since)
          .map((record) => ({ ...record.entry, timestamp: record.lastActionAt })),
      );
    },
  },

  /** §6 showMessagesQueue: `{messageID, type, body}` per waiting send, oldest first. */
  showMessagesQueue: {
    verb: 'GET',
    needs: 'created',
    handle: ({ engine, wire, instance }) =>
      wire.jsonResponse(200, pendingSends(engine, instance).map(({ messageID, type, body }) => ({ messageID, type, body }))),
  },

  /** §6 clearMessagesQueue */
  clearMessagesQueue: {
    verb: 'GET',
    needs: 'created',
    handle: ({ engine, wire, instance }) => {
      engine.runtime(instance).outbox.length = 0;
      return wire.jsonResponse(200, { isCleared: true });
    },
  },
};
