import { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors';
import { httpJson, joinUrl, transportFields, type CallOptions, type HttpMethod, type TransportOptions } from '../http';
import { greenApiDialect } from './dialect';
import { SettingsSchema, StateInstanceSchema, type GreenApiSettings, type GreenApiStateResult } from './schemas';

export interface GreenApiInstanceCredentials {
  idInstance: string;
  apiTokenInstance: string;
  apiUrl: string;
  mediaUrl?: string;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  auth_failed: 'Check apiTokenInstance.',
  // §8.3: 403 is "check idInstance and the request address".
  forbidden: 'Check idInstance and the API URL.',
  provider_not_found: 'Check the API URL.',
  quota_exceeded: 'The Developer tariff limit is reached; change the tariff in the GREEN-API console.',
};

/**
 * One GREEN-API instance. Every call is `{apiUrl}/waInstance{idInstance}/{method}/{apiTokenInstance}` (§1): the
 * token is in the URL path, so it is registered with the redactor and URLs never reach messages or logs.
 */
export class GreenApiInstanceApi {
  constructor(
    private readonly credentials: GreenApiInstanceCredentials,
    private readonly transport: TransportOptions,
  ) {}

  /** §2.3. `creating` when the body is `null`. */
  async getStateInstance(call?: CallOptions): Promise<GreenApiStateResult> {
    return this.call('getStateInstance', 'reading the instance state', 'GET', StateInstanceSchema, call);
  }

  /** §2.1. */
  async getSettings(call?: CallOptions): Promise<GreenApiSettings> {
    return this.call('getSettings', 'reading the instance settings', 'GET', SettingsSchema, call);
  }

  private async call<S extends z.ZodType>(
    method: string,
    action: string,
    verb: HttpMethod,
    parse: S,
    call?: CallOptions,
  ): Promise<z.output<S>> {
    const { apiUrl, idInstance, apiTokenInstance } = this.credentials;
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: greenApiDialect,
      operation: method,
      action: `${action} of instance ${idInstance}`,
      credential: 'instance token',
      hints: HINTS,
      method: verb,
      url: joinUrl(apiUrl, `/waInstance${encodeURIComponent(idInstance)}/${method}/${encodeURIComponent(apiTokenInstance)}`),
      idempotent: verb === 'GET',
      secrets: [apiTokenInstance],
      parse,
    });
    return response.data;
  }
}
