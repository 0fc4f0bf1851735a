import { z } from 'zod';

/**
 * §6 showMessagesQueue: one item per queued send. `messageID` for single messages, `messagesIDs` for forwards —
 * printed `messagesIds` in the example (§13.13): both are read, normalised to the table's `messagesIDs`.
 */
export const QueueItemSchema = z
  .looseObject({
    messageID: z.string().nullish(),
    messagesIDs: z.array(z.string()).nullish(),
    messagesIds: z.array(z.string()).nullish(),
    type: z.string(),
    body: z.looseObject({ chatId: z.string().nullish(), message: z.string().nullish() }).nullish(),
  })
  .transform(({ messagesIds, ...item }) => ({ ...item, messagesIDs: item.messagesIDs ?? messagesIds ?? null }));
export type GreenApiQueueItem = z.output<typeof QueueItemSchema>;

export const QueueSchema = z.array(QueueItemSchema);

/** §6 clearMessagesQueue */
export const ClearQueueSchema = z.object({ isCleared: z.boolean() });
