/**
 * The limits GREEN-API publishes, as data: the per-second rates of 1.3.12 (specs/greenapi.md §8.2) and the Developer
 * tariff's monthly quotas of 1.2.2 (§8.1). Both the client's limiter and the sandbox read them; the golden test
 * checks them against the tables in the Russian original.
 */

/** §8.2 "Допустимое число запросов": requests per second, per instance, per method. */
export const DOCUMENTED_RPS: Readonly<Record<string, number>> = {
  getSettings: 1,
  setSettings: 1,
  getStateInstance: 1,
  getStatusInstance: 1,
  reboot: 1,
  logout: 1,
  qr: 3,
  scanQrCode: 1,
  // Printed "0,1": one call per 10 s (also the WhatsApp-side limit, §2.10).
  setProfilePicture: 0.1,
  getWaSettings: 1,
  sendFileByUpload: 50,
  receiveNotification: 100,
  deleteNotification: 100,
  downloadFile: 5,
  getChatHistory: 1,
  getMessage: 10,
  lastIncomingMessages: 1,
  lastOutgoingMessages: 1,
  createGroup: 1,
  updateGroupName: 1,
  getGroupData: 1,
  addGroupParticipant: 10,
  removeGroupParticipant: 10,
  setGroupAdmin: 10,
  removeAdmin: 10,
  setGroupPicture: 1,
  leaveGroup: 10,
  readChat: 10,
  getDeviceInfo: 1,
  checkWhatsapp: 10,
  getAvatar: 10,
  getContacts: 1,
  getContactInfo: 1,
  deleteMessage: 10,
  archiveChat: 10,
  unarchiveChat: 10,
  setDisappearingChat: 1,
  sendMessage: 50,
  sendButtons: 50,
  sendTemplateButtons: 50,
  sendListMessage: 50,
  sendLocation: 50,
  sendLink: 50,
  sendContact: 50,
  sendFileByUrl: 50,
  sendPoll: 50,
  clearMessagesQueue: 1,
  showMessagesQueue: 1,
  sendTemplate: 50,
  forwardMessages: 50,
  deleteStatus: 10,
  getIncomingStatuses: 1,
  getOutgoingStatuses: 1,
  getStatusStatistic: 1,
  sendTextStatus: 5,
  sendVoiceStatus: 5,
  sendMediaStatus: 5,
};

/**
 * Methods the table leaves out (uploadFile, getAuthorizationCode …) get the table's most common and lowest whole
 * rate: the console must never be the cause of a 429.
 */
export const DEFAULT_RPS = 1;

const RPS_BY_LOWER_NAME = new Map(Object.entries(DOCUMENTED_RPS).map(([method, rps]) => [method.toLowerCase(), rps]));

/** The documented rate of a method; method names are matched without regard to case (§1: SendMessage, SetSettings). */
export function documentedRps(method: string): number {
  return RPS_BY_LOWER_NAME.get(method.toLowerCase()) ?? DEFAULT_RPS;
}

/** §8.1 "Методы и ограничения": Developer-tariff requests per month. Methods absent are unlimited. */
export const DEVELOPER_MONTHLY_QUOTA: Readonly<Record<string, number>> = {
  checkWhatsapp: 100,
  sendContact: 1000,
  deleteMessage: 1000,
  sendLocation: 1000,
  sendFileByUrl: 1000,
  updateGroupName: 1000,
  getGroupData: 1000,
  addGroupParticipant: 1000,
  removeGroupParticipant: 1000,
  setGroupAdmin: 1000,
  removeAdmin: 1000,
  leaveGroup: 1000,
  sendFileByUpload: 1000,
  lastIncomingMessages: 1000,
  lastOutgoingMessages: 1000,
  createGroup: 1000,
  getContacts: 1000,
  forwardMessages: 1000,
  readChat: 500,
  downloadFile: 500,
  getChatHistory: 300,
  getStatusInstance: 100,
  getAvatar: 100,
  setGroupPicture: 100,
  archiveChat: 100,
  unarchiveChat: 100,
  getContactInfo: 100,
  setDisappearingChat: 100,
  sendTextStatus: 10,
  sendVoiceStatus: 10,
  sendMediaStatus: 10,
  getOutgoingStatuses: 10,
  getIncomingStatuses: 10,
};

/** §8.1: a Developer instance may talk to 3 chats a month. */
export const DEVELOPER_CORRESPONDENTS = 3;
