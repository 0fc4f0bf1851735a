import { z } from 'zod';
import { IntLikeSchema } from '../http';
import { MetaSchema, StringLikeSchema } from './schemas';

/** §7.1 generate link: `{"link":{"link":"https://api.jetapi.io/chatter?customer_id=17693&hash=…"}}`. */
export const IframeLinkSchema = z
  .object({ meta: MetaSchema.optional(), link: z.object({ link: z.string() }) })
  .transform(({ link }) => link.link);

const NoteSchema = z.object({ title: z.string().nullish(), body: z.string().nullish() });

/** §7.1 notes: `conversations[]` as updated; timestamps are naive ISO (`2025-05-23T13:54:33`). */
export const ConversationSchema = z
  .object({
    id: IntLikeSchema,
    customer_id: IntLikeSchema.nullish(),
    client_phone: z.string().nullish(),
    conversation_type: z.string().nullish(),
    notes: z.array(NoteSchema).nullish(),
    tdlib_user_id: StringLikeSchema.nullish(),
    tdlib_username: z.string().nullish(),
    messenger_client_name: z.string().nullish(),
    crm_client_name: z.string().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  })
  .transform((wire) => ({
    id: wire.id,
    customerId: wire.customer_id ?? null,
    clientPhone: wire.client_phone ?? null,
    conversationType: wire.conversation_type ?? null,
    notes: (wire.notes ?? []).map((note) => ({ title: note.title ?? null, body: note.body ?? null })),
    tdlibUserId: wire.tdlib_user_id ?? null,
    tdlibUsername: wire.tdlib_username ?? null,
    messengerClientName: wire.messenger_client_name ?? null,
    crmClientName: wire.crm_client_name ?? null,
    createdAt: wire.created_at ?? null,
    updatedAt: wire.updated_at ?? null,
  }));
export type ChatpushConversation = z.output<typeof ConversationSchema>;

export const ConversationsSchema = z
  .object({ meta: MetaSchema.optional(), conversations: z.array(ConversationSchema) })
  .transform(({ conversations }) => conversations);

/** §7.1 delete chats: counts next to `meta` (zero counts when there was nothing to delete). */
export const DeletedChatsSchema = z
  .object({
    meta: MetaSchema.optional(),
    customer_id: IntLikeSchema.nullish(),
    deleted_messages_count: IntLikeSchema,
    deleted_conversations_count: IntLikeSchema,
  })
  .transform((wire) => ({
    customerId: wire.customer_id ?? null,
    deletedMessages: wire.deleted_messages_count,
    deletedConversations: wire.deleted_conversations_count,
  }));
export type ChatpushDeletedChats = z.output<typeof DeletedChatsSchema>;
