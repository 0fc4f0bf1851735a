import { z } from 'zod';
import {
  Chat2DeskWebhookFieldsSchema,
  Chat2DeskWebhookListSchema,
  Chat2DeskWebhookViewSchema,
  ChatpushWebhookFieldsSchema,
  ChatpushWebhookTargetSchema,
  ChatpushWebhookViewSchema,
  GreenApiWebhookSaveSchema,
  GreenApiWebhookSettingsSchema,
  WebhookCatalogueSchema,
} from '../webhooks';
import { InspectInputSchema, InspectResultSchema, TesterExchangeSchema, TesterSamplesSchema, TesterSendInputSchema } from '../webhook-tester';
import { call, Done, Empty } from './define';

const Id = z.string().min(1).max(64);
const WebhookId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const GreenApiTarget = z.object({ accountId: Id, instanceId: Id }).strict();
const Chat2DeskAccount = z.object({ accountId: Id }).strict();

/** The Webhooks screen: each provider's webhooks, read and changed through its own API. */
export const webhookCalls = {
  'webhooks.catalogue': call(Empty, WebhookCatalogueSchema),

  'webhooks.chatpushList': call(ChatpushWebhookTargetSchema, z.array(ChatpushWebhookViewSchema)),
  'webhooks.chatpushCreate': call(ChatpushWebhookTargetSchema.extend(ChatpushWebhookFieldsSchema.shape).strict(), ChatpushWebhookViewSchema, { audit: true }),
  'webhooks.chatpushUpdate': call(
    ChatpushWebhookTargetSchema.extend({ webhookId: WebhookId, ...ChatpushWebhookFieldsSchema.shape }).strict(),
    ChatpushWebhookViewSchema,
    { audit: true },
  ),
  'webhooks.chatpushDelete': call(ChatpushWebhookTargetSchema.extend({ webhookId: WebhookId }).strict(), Done, { audit: true }),

  'webhooks.greenapiGet': call(GreenApiTarget, GreenApiWebhookSettingsSchema),
  /** Writes only what differs from the instance's settings (setSettings restarts the instance). */
  'webhooks.greenapiSave': call(GreenApiWebhookSaveSchema, z.object({ changed: z.array(z.string()), settings: GreenApiWebhookSettingsSchema }), { audit: true }),

  'webhooks.chatDeskList': call(Chat2DeskAccount, Chat2DeskWebhookListSchema),
  'webhooks.chatDeskCreate': call(Chat2DeskAccount.extend(Chat2DeskWebhookFieldsSchema.shape).strict(), Chat2DeskWebhookViewSchema, { audit: true }),
  'webhooks.chatDeskUpdate': call(
    Chat2DeskAccount.extend({ webhookId: WebhookId, ...Chat2DeskWebhookFieldsSchema.shape }).strict(),
    Chat2DeskWebhookViewSchema,
    { audit: true },
  ),
  'webhooks.chatDeskSetEnabled': call(Chat2DeskAccount.extend({ webhookId: WebhookId, enabled: z.boolean() }).strict(), Chat2DeskWebhookViewSchema, { audit: true }),
  'webhooks.chatDeskDelete': call(Chat2DeskAccount.extend({ webhookId: WebhookId }).strict(), Done, { audit: true }),

  // The tester
  'webhooks.testerSamples': call(Empty, TesterSamplesSchema),
  /** POSTs a sample from main to the given URL, exactly as the provider would, and returns both sides of the exchange. */
  'webhooks.testerSend': call(TesterSendInputSchema, TesterExchangeSchema),
  /** Recognises a pasted payload (provider, type, shape) and checks a Chat2Desk signature. Nothing is sent. */
  'webhooks.testerInspect': call(InspectInputSchema, InspectResultSchema),
} as const;
