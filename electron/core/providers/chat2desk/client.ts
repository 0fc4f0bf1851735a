import type { CallOptions, TransportOptions } from '../http';
import { AcknowledgementSchema, type OffsetPage } from './envelope';
import { CustomInfoInputSchema, IdSchema, ImageUrlSchema, PageParamsSchema, WorkingModeSchema, type Chat2DeskPageParams } from './inputs';
import { QrDecodeSchema } from './message-schemas';
import { Chat2DeskMessagesApi } from './messages-api';
import { iterateOffsetPages } from './pagination';
import { Chat2DeskCaller, checkInput, type Chat2DeskCredentials } from './request';
import {
  ApiInfoSchema,
  ApiModesSchema,
  ChannelListSchema,
  CompanyInfoSchema,
  TransportsSchema,
  type Chat2DeskApiInfo,
  type Chat2DeskApiMode,
  type Chat2DeskChannel,
  type Chat2DeskChannelPage,
  type Chat2DeskCompanyInfo,
  type Chat2DeskCustomInfo,
  type Chat2DeskTransport,
  type Chat2DeskWorkingMode,
} from './schemas';
import { Chat2DeskWebhooksApi } from './webhooks-api';

export type { Chat2DeskCredentials };

/**
 * Chat2Desk Public API v1 (specs/chat2desk-chatti.md Part A): the account (api_info, api_modes, transports,
 * company info and working mode, channels), `webhooks` and `messages`.
 */
export class Chat2DeskApi {
  readonly webhooks: Chat2DeskWebhooksApi;
  readonly messages: Chat2DeskMessagesApi;
  private readonly caller: Chat2DeskCaller;

  constructor(credentials: Chat2DeskCredentials, transport: TransportOptions) {
    this.caller = new Chat2DeskCaller(credentials, transport);
    this.webhooks = new Chat2DeskWebhooksApi(this.caller);
    this.messages = new Chat2DeskMessagesApi(this.caller);
  }

  /** A7: API version, company, custom info and the month's API requests (used, free and paid left). */
  getApiInfo(call?: CallOptions): Promise<Chat2DeskApiInfo> {
    return this.caller.call({ operation: 'getApiInfo', action: 'reading the API limits', method: 'GET', path: '/v1/companies/api_info', parse: ApiInfoSchema }, call);
  }

  /** A2: the access levels and their monthly allowances. */
  getApiModes(call?: CallOptions): Promise<Chat2DeskApiMode[]> {
    return this.caller.call({ operation: 'getApiModes', action: 'reading the API modes', method: 'GET', path: '/v1/help/api_modes', parse: ApiModesSchema }, call);
  }

  /** A7: each transport and the media it carries from and to clients. */
  getTransports(call?: CallOptions): Promise<Chat2DeskTransport[]> {
    return this.caller.call({ operation: 'getTransports', action: 'reading the transports', method: 'GET', path: '/v1/help/transports', parse: TransportsSchema }, call);
  }

  /** A7 + A3: one page of channels (limit ≤ 200, default 20), each with its WhatsApp daily new-client limit. */
  async listChannels(params: Chat2DeskPageParams = {}, call?: CallOptions): Promise<Chat2DeskChannelPage> {
    const { limit, offset } = checkInput(this.caller, 'listChannels', PageParamsSchema, params);
    return this.caller.call(
      { operation: 'listChannels', action: 'listing the channels', method: 'GET', path: '/v1/channels', query: { limit, offset }, parse: ChannelListSchema },
      call,
    );
  }

  /** Every channel, page after page. */
  iterateChannels(options: { pageSize?: number } = {}, call?: CallOptions): AsyncGenerator<Chat2DeskChannel> {
    return iterateOffsetPages((offset, limit): Promise<OffsetPage<Chat2DeskChannel>> => this.listChannels({ offset, limit }, call), options.pageSize);
  }

  /** A7: name, working hours, time zone and the working mode (online/offline). */
  getCompanyInfo(call?: CallOptions): Promise<Chat2DeskCompanyInfo> {
    return this.caller.call({ operation: 'getCompanyInfo', action: 'reading the company info', method: 'GET', path: '/v1/companies/info', parse: CompanyInfoSchema }, call);
  }

  /** A7 `PUT /v1/companies/switch_mode`: online or offline, which changes the auto-replies. */
  async switchWorkingMode(mode: Chat2DeskWorkingMode, call?: CallOptions): Promise<void> {
    const checked = checkInput(this.caller, 'switchWorkingMode', WorkingModeSchema, mode);
    await this.caller.call(
      { operation: 'switchWorkingMode', action: `switching the working mode to ${checked}`, method: 'PUT', path: '/v1/companies/switch_mode', body: { mode: checked }, parse: AcknowledgementSchema },
      call,
    );
  }

  /** A7 `PUT /v1/companies`: the three company-wide text fields, read back as api_info's customInfo. */
  async setCustomInfo(fields: Chat2DeskCustomInfo, call?: CallOptions): Promise<void> {
    const checked = checkInput(this.caller, 'setCustomInfo', CustomInfoInputSchema, fields);
    await this.caller.call(
      { operation: 'setCustomInfo', action: 'saving the company custom info', method: 'PUT', path: '/v1/companies', body: { custom_fields: checked }, parse: AcknowledgementSchema },
      call,
    );
  }

  /** A7 `POST /v1/qr_decode`: the text of the QR code at an image URL (the answer is undocumented). */
  async decodeQr(imageUrl: string, call?: CallOptions): Promise<{ text: string | null }> {
    const url = checkInput(this.caller, 'decodeQr', ImageUrlSchema, imageUrl);
    return this.caller.call({ operation: 'decodeQr', action: 'decoding a QR code', method: 'POST', path: '/v1/qr_decode', body: { image_path: url }, parse: QrDecodeSchema }, call);
  }

  /**
   * `DELETE /v1/tickets/<id>`. A4 variant 5: a missing ticket is answered 200 with `"status":"error"`; that reply
   * is reported as "not found", never as success.
   */
  async deleteTicket(id: number, call?: CallOptions): Promise<void> {
    const ticketId = checkInput(this.caller, 'deleteTicket', IdSchema, id);
    await this.caller.call(
      { operation: 'deleteTicket', action: `deleting ticket #${ticketId}`, method: 'DELETE', path: `/v1/tickets/${ticketId}`, parse: AcknowledgementSchema },
      call,
    );
  }
}
