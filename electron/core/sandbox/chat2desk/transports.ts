import type { SandboxResponse } from '../http-server';
import { success } from './wire';

/**
 * A7 `GET /v1/help/transports` as the seed's example answers it (2023-02-15): per transport, what it carries from
 * and to the client. [CONTRA] POST /messages names wa_gupshup, wa_direct, max_bot and tamtam, which are absent.
 */
const KINDS = ['text', 'image', 'audio', 'video', 'pdf', 'location'] as const;
const SUPPORT: [transport: string, fromClient: string, toClient: string][] = [
  ['whatsapp', 'text image audio video pdf location', 'text image pdf'],
  ['wa_clickatell', 'text image audio video pdf location', 'text image pdf'],
  ['viber', 'text image video location', 'text image video pdf'],
  ['viber_business', 'text', 'text image'],
  ['viber_public', 'text image video pdf location', 'text image video pdf'],
  ['viber_tr', '', 'text image'],
  ['yandex_dialogs', 'text', 'text'],
  ['wa_infobip', 'text image audio video pdf location', 'text image audio video pdf'],
  ['wa_cm', 'text image audio video pdf location', 'text image audio video pdf'],
  ['wa_tr', 'text image audio video pdf', 'text image audio video pdf'],
  ['wa_wavy', 'text image audio video pdf', 'text image audio video pdf'],
  ['wa_botmaker', 'text image audio video pdf location', 'text image audio video pdf'],
  ['viber_infobip', 'text image audio video pdf location', 'text image audio video pdf'],
  ['wa_dialog', 'text image audio video pdf location', 'text image audio video pdf'],
  ['telegram', 'text image audio video location', 'text image pdf'],
  ['sms', 'text', 'text'],
  ['facebook', 'text image', 'text image pdf'],
  ['vk', 'text image location', 'text image'],
  ['external', 'text image video location', 'text image pdf'],
  ['widget', 'text', 'text image pdf'],
  ['insta_i2crm', 'text image video', 'text image video'],
  ['ok', 'text image video', 'text image video'],
  ['skype', 'text image video', 'text image video'],
  ['email', 'text image audio video pdf', 'text image audio video pdf'],
  ['wechat', 'text image location', 'text image'],
  ['insta_local', 'text image video', 'text image video'],
  ['tg_user', 'text image audio video pdf location', 'text image audio video pdf'],
  ['vox_implant', '', ''],
  ['sms_infobip', '', 'text'],
  ['insta_official', 'text image audio', 'text image'],
];

export function transportsResponse(): SandboxResponse {
  const yesNo = (supported: string) => Object.fromEntries(KINDS.map((kind) => [kind, supported.split(' ').includes(kind) ? 'yes' : 'no']));
  return success(Object.fromEntries(SUPPORT.map(([transport, from, to]) => [transport, { from_client: yesNo(from), to_client: yesNo(to) }])));
}
