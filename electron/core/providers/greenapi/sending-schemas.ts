import { z } from 'zod';
import { ChatIdSchema } from './chat-id';

/** §7.1: the longest text sendMessage accepts. */
export const MESSAGE_MAX_LENGTH = 20_000;

/** §7.1 sendMessage, strict: the console never sends a field GREEN-API would reject as "not allowed". */
export const SendMessageInputSchema = z.strictObject({
  chatId: ChatIdSchema,
  // String length in UTF-16 code units, as the server's validator counts it.
  message: z
    .string()
    .min(1, { message: 'message must not be empty' })
    .max(MESSAGE_MAX_LENGTH, { message: `message must be at most ${MESSAGE_MAX_LENGTH} characters long` }),
  quotedMessageId: z.string().min(1).optional(),
  linkPreview: z.boolean().optional(),
});
export type GreenApiSendMessageInput = z.input<typeof SendMessageInputSchema>;

export const SendMessageResultSchema = z.object({ idMessage: z.string() });
