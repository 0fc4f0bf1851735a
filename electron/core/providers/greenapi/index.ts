/** GREEN-API's public surface for services: the instance client, the QR websocket, the limiter, the typed errors and types. */
export { GreenApiInstanceApi, RECEIVE_TIMEOUT_MAX_S, RECEIVE_TIMEOUT_MIN_S } from './instance-api';
export type { GreenApiClientOptions, GreenApiInstanceCredentials } from './instance-api';
export { openQrSocket, QR_SCAN_TIMEOUT_MS } from './qr-socket';
export type { GreenApiQrEvent, QrSocketOptions, QrSocketSession } from './qr-socket';
export { GreenApiRateLimiter, sharedGreenApiLimiter } from './rate-limiter';
export { GreenApiQuotaError } from './quota-error';
export { DOCUMENTED_RPS, documentedRps } from './documented-limits';
export { changedSettings as changedGreenApiSettings } from './settings-schemas';
export type {
  GreenApiAuthorizationCode,
  GreenApiJournalEntry,
  GreenApiNotification,
  GreenApiProfilePicture,
  GreenApiQrFrame,
  GreenApiQueueItem,
  GreenApiQuota,
  GreenApiQuotaStatus,
  GreenApiReceivedNotification,
  GreenApiSendMessageInput,
  GreenApiSettings,
  GreenApiSettingsPatch,
  GreenApiSettingsPatchInput,
  GreenApiState,
  GreenApiStateResult,
  GreenApiWaSettings,
} from './schemas';
