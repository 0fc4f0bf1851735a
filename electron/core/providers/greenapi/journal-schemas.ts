import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { ChatIdSchema } from './chat-id';

/** §6: `statusMessage` in journals. `failed` is a webhook-only status (§13.8) but is accepted too. */
export const JOURNAL_STATUSES = ['pending', 'sent', 'delivered', 'read', 'noAccount', 'notInGroup', 'yellowCard', 'failed'] as const;

const loose = z.looseObject({});

/**
 * §6 getChatHistory / getMessage / lastIncomingMessages / lastOutgoingMessages: one entry per message, the content
 * fields depending on `typeMessage`. Outgoing entries carry statusMessage and sendByApi, incoming ones the sender.
 * Extra fields (ads, statuses' font and colour) are kept.
 */
export const JournalEntrySchema = z.looseObject({
  type: z.string(),
  idMessage: z.string(),
  timestamp: IntLikeSchema,
  typeMessage: z.string(),
  chatId: z.string(),
  textMessage: z.string().nullish(),
  statusMessage: z.string().nullish(),
  sendByApi: z.boolean().nullish(),
  senderId: z.string().nullish(),
  senderName: z.string().nullish(),
  senderContactName: z.string().nullish(),
  downloadUrl: z.string().nullish(),
  caption: z.string().nullish(),
  fileName: z.string().nullish(),
  mimeType: z.string().nullish(),
  isForwarded: z.boolean().nullish(),
  forwardingScore: z.number().nullish(),
  location: loose.nullish(),
  contact: loose.nullish(),
  extendedTextMessage: loose.nullish(),
  extendedTextMessageData: loose.nullish(),
  pollMessageData: loose.nullish(),
  quotedMessage: loose.nullish(),
});
export type GreenApiJournalEntry = z.output<typeof JournalEntrySchema>;

export const JournalSchema = z.array(JournalEntrySchema);

/** §6 getMessage: `'message id' must be at least 16 symbols` is the server's own rule; the console checks it first. */
export const GetMessageInputSchema = z.strictObject({
  chatId: ChatIdSchema,
  idMessage: z.string().trim().min(16, { message: 'idMessage must be at least 16 characters (the id sendMessage returned)' }),
});

/** §6 getChatHistory: `count` is optional, default 100. */
export const ChatHistoryInputSchema = z.strictObject({
  chatId: ChatIdSchema,
  count: z.number().int().positive().optional(),
});

/** §6 lastIncomingMessages / lastOutgoingMessages: `minutes`, default 1440 (24 h). */
export const MinutesSchema = z.number().int().positive().optional();
