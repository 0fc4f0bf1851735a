import type { ChatpushBrand, ChatpushHosts } from '../../../../shared/providers';
import { httpJson, joinUrl, transportFields, type CallOptions, type TransportOptions } from '../http';
import { chatpushDialect } from './dialect';
import { AccountSchema, type ChatpushAccount } from './schemas';

export interface ChatpushCustomerCredentials {
  brand: ChatpushBrand;
  hosts: Pick<ChatpushHosts, 'rest'>;
  /** A client (instance) JWT (spec §1.1, §4.5). */
  token: string;
}

/** The client (Bearer token) side of Chategy/Jetapi: `/api/v1/*` on the REST host. */
export class ChatpushCustomerApi {
  private readonly dialect;

  constructor(
    private readonly credentials: ChatpushCustomerCredentials,
    private readonly transport: TransportOptions,
  ) {
    this.dialect = chatpushDialect(credentials.brand);
  }

  /** §3: `GET /api/v1/account`: balance (total_amount), customer id, routing, sender names. */
  async getAccount(call?: CallOptions): Promise<ChatpushAccount> {
    const response = await httpJson({
      ...transportFields(this.transport, call),
      dialect: this.dialect,
      operation: 'getAccount',
      action: 'reading the account balance',
      credential: 'client token',
      hints: { auth_failed: 'Check the client token (personal account, or the instance token from the developer API).' },
      method: 'GET',
      url: joinUrl(this.credentials.hosts.rest, '/api/v1/account'),
      headers: { Authorization: `Bearer ${this.credentials.token}` },
      idempotent: true,
      secrets: [this.credentials.token],
      parse: AccountSchema,
    });
    return response.data;
  }
}
