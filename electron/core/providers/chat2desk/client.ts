import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors';
import { httpJson, joinUrl, transportFields, type CallOptions, type QueryValue, type TransportOptions } from '../http';
import { chat2DeskDialect } from './dialect';
import { ApiInfoSchema, ChannelListSchema, type Chat2DeskApiInfo, type Chat2DeskChannelPage } from './schemas';

export interface Chat2DeskCredentials {
  /** `https://api.chat2desk.com` (no `/v1`). */
  baseUrl: string;
  apiToken: string;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  auth_failed: 'Check the API token (Settings → API, under the admin account).',
  forbidden: 'Check that the API token belongs to an admin account and API access is enabled.',
};

/** Chat2Desk Public API v1: `Authorization: <token>`, raw, with no scheme (A1). */
export class Chat2DeskApi {
  constructor(
    private readonly credentials: Chat2DeskCredentials,
    private readonly transport: TransportOptions,
  ) {}

  /** A7: API version, access level and the month's remaining requests. */
  getApiInfo(call?: CallOptions): Promise<Chat2DeskApiInfo> {
    return this.get('getApiInfo', 'reading the API limits', '/v1/companies/api_info', ApiInfoSchema, undefined, call);
  }

  /** A7 + A3: limit (max 200, default 20) and offset. */
  listChannels(params: { limit?: number; offset?: number } = {}, call?: CallOptions): Promise<Chat2DeskChannelPage> {
    return this.get('listChannels', 'listing the channels', '/v1/channels', ChannelListSchema, { limit: params.limit, offset: params.offset }, call);
  }

  private async get<S extends z.ZodType>(
    operation: string,
    action: string,
    path: string,
    parse: S,
    query: Record<string, QueryValue> | undefined,
    call?: CallOptions,
  ): Promise<z.output<S>> {
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: chat2DeskDialect,
      operation,
      action,
      credential: 'API token',
      hints: HINTS,
      method: 'GET',
      url: joinUrl(this.credentials.baseUrl, path),
      query,
      headers: { Authorization: this.credentials.apiToken },
      idempotent: true,
      secrets: [this.credentials.apiToken],
      parse,
    });
    return response.data;
  }
}
