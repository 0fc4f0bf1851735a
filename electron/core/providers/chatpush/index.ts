/** The Chategy/Jetapi REST client (the Phoenix sessions have their own index in ./phoenix). */
export { ChatpushDeveloperApi, MAX_INSTANCES_PER_PAGE } from './developer-api';
export type { ChatpushDeveloperCredentials } from './developer-api';
export { ChatpushCustomerApi } from './customer-api';
export type { ChatpushCustomerCredentials } from './customer-api';
export type { ChatpushWebhooksApi } from './webhooks-api';
export { chatpushHosts } from './hosts';
export { customerIdFromToken } from './jwt';
export { idempotencyChecksum, checksumSource } from './checksum';
export { DELIVERY_STATUSES, deliveryStatus, isFinalDeliveryStatus } from '../../../../shared/chatpush-delivery-statuses';
export type { DeliveryStatusInfo } from '../../../../shared/chatpush-delivery-statuses';
export { SEND_FILE_MAX_BYTES, SEND_FILE_MIME_TYPES, isAllowedSendFileMime, mimeFromFileName } from './send-file-rules';
export { iframeDialogUrl } from './iframe-dialog';
export { DISPATCH_CHANNELS } from './inputs';
export type {
  BulkDeliveryInput,
  ChatpushChannel,
  CreateInstanceInput,
  IframeLinkInput,
  NotesInput,
  SendDeliveryInput,
  SendFileInput,
  TelegramBotInput,
  UpdateInstanceInput,
  WebhookInput,
} from './inputs';
export { WEBHOOK_SUBSCRIPTION_TYPES, WEBHOOK_EVENT_TYPES, WebhookEventSchema } from './webhook-schemas';
export type { ChatpushWebhook, ChatpushWebhookEvent, ChatpushWebhookType } from './webhook-schemas';
export { DeliveryCallbackSchema } from './delivery-schemas';
export type { ChatpushBulkDelivery, ChatpushDelivery, ChatpushDeliveryCallback, ChatpushOperator, ChatpushOperatorSearch } from './delivery-schemas';
export type { ChatpushConversation, ChatpushDeletedChats } from './iframe-schemas';
export type { ChatpushTelegramBot } from './messenger-schemas';
export type {
  ChatpushAccount,
  ChatpushCreatedInstance,
  ChatpushFailure,
  ChatpushInstance,
  ChatpushInstancePage,
  ChatpushRenewedInstance,
  ChatpushUpdatedInstance,
} from './schemas';
