import { z } from 'zod';
import { filled, problem } from '../field-problems';
import {
  AccountTargetSchema,
  BulkLookupInputSchema,
  BulkLookupResultsSchema,
  Chat2DeskChannelViewSchema,
  Chat2DeskMessageFilterSchema,
  Chat2DeskMessageViewSchema,
  ChatpushClientTargetSchema,
  ChatpushDeliveryViewSchema,
  ChecksumPreviewSchema,
  DeliveryIdSchema,
  FollowInputSchema,
  GreenApiJournalEntryViewSchema,
  GreenApiQueueItemViewSchema,
  GreenApiSendInputSchema,
  GreenApiTargetSchema,
  OperatorSearchResultSchema,
  TestSendInputSchema,
  TestSendResultSchema,
} from '../deliveries';
import { call, Done } from './define';

const JobStarted = z.object({ jobId: z.string() });
const ChatpushDelivery = ChatpushClientTargetSchema.extend({ deliveryId: DeliveryIdSchema }).strict();

/** The Deliveries screen: look up, follow, delete and test-send messages, per provider. */
export const deliveryCalls = {
  // Chategy/Jetapi (Bearer client token)
  'deliveries.lookup': call(ChatpushDelivery, ChatpushDeliveryViewSchema),
  /** Starts a `deliveries.bulkLookup` job; progress comes as `jobs.progress`, items from bulkResults. */
  'deliveries.bulkLookup': call(BulkLookupInputSchema, JobStarted),
  'deliveries.bulkResults': call(z.object({ jobId: z.string().min(1).max(64) }).strict(), BulkLookupResultsSchema),
  /** Starts a `deliveries.follow` job that looks the delivery up until it is final; changes come as `deliveries.followed`. */
  'deliveries.follow': call(FollowInputSchema, JobStarted),
  'deliveries.delete': call(ChatpushDelivery, Done, { audit: true }),
  'deliveries.searchOperator': call(ChatpushClientTargetSchema.extend({ phone: z.string().trim().refine(filled, problem('required')).max(64) }).strict(), OperatorSearchResultSchema),
  /** The §6.8 checksum of exactly what sendTest would send, computed in main; nothing is sent. */
  'deliveries.checksum': call(TestSendInputSchema, ChecksumPreviewSchema),
  'deliveries.sendTest': call(TestSendInputSchema, TestSendResultSchema, { audit: true }),

  // GREEN-API (instance journals and queue)
  'deliveries.greenapiMessage': call(
    GreenApiTargetSchema.extend({ chatId: z.string().trim().refine(filled, problem('required')).max(128), idMessage: z.string().trim().refine(filled, problem('required')).max(128) }).strict(),
    GreenApiJournalEntryViewSchema,
  ),
  'deliveries.greenapiOutgoing': call(
    GreenApiTargetSchema.extend({ minutes: z.number().int().min(1).max(43_200).default(1440) }).strict(),
    z.array(GreenApiJournalEntryViewSchema),
  ),
  'deliveries.greenapiQueue': call(GreenApiTargetSchema, z.array(GreenApiQueueItemViewSchema)),
  'deliveries.greenapiClearQueue': call(GreenApiTargetSchema, z.object({ isCleared: z.boolean() }), { audit: true }),
  'deliveries.greenapiSend': call(GreenApiSendInputSchema, z.object({ idMessage: z.string() }), { audit: true }),

  // Chat2Desk
  'deliveries.chatDeskMessage': call(AccountTargetSchema.extend({ messageId: DeliveryIdSchema }).strict(), Chat2DeskMessageViewSchema),
  'deliveries.chatDeskMessages': call(
    AccountTargetSchema.extend({ filter: Chat2DeskMessageFilterSchema }).strict(),
    z.object({ messages: z.array(Chat2DeskMessageViewSchema), total: z.number().nullable() }),
  ),
  'deliveries.chatDeskChannels': call(AccountTargetSchema, z.array(Chat2DeskChannelViewSchema)),
} as const;
