export { Chat2DeskApi } from './client';
export type { Chat2DeskCredentials } from './client';
export type { Chat2DeskWebhooksApi } from './webhooks-api';
export type { Chat2DeskMessagesApi } from './messages-api';
export type {
  Chat2DeskApiInfo,
  Chat2DeskApiMode,
  Chat2DeskChannel,
  Chat2DeskChannelPage,
  Chat2DeskCompanyInfo,
  Chat2DeskCustomInfo,
  Chat2DeskTransport,
  Chat2DeskWorkingMode,
} from './schemas';
export type { OffsetPage } from './envelope';
export type { Chat2DeskWebhook, Chat2DeskWebhookList, Chat2DeskWebhookStatus } from './webhook-schemas';
export { FREE_WEBHOOK_LIMIT } from './webhook-schemas';
export type { Chat2DeskMessage, Chat2DeskMessageList, Chat2DeskSentMessage } from './message-schemas';
export type { Chat2DeskMessageFilter, Chat2DeskPageParams, Chat2DeskSendMessageInput, Chat2DeskSettableStatus, Chat2DeskWebhookChanges, Chat2DeskWebhookInput } from './inputs';
export { chat2DeskEventCatalogue, parseChat2DeskEvent } from './events';
export type { Chat2DeskEvent, Chat2DeskEventInfo, Chat2DeskEventName, Chat2DeskGatewayStatus } from './events';
export { chat2DeskSignatureHeaders, chat2DeskSigningKey, signChat2DeskPayload, verifyChat2DeskSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
export type { SignatureCheck } from './signature';
