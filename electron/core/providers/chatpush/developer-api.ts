import type { ChatpushBrand, ChatpushHosts } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import { httpJson, joinUrl, transportFields, type CallOptions, type TransportOptions } from '../http';
import { chatpushDialect } from './dialect';
import { InstanceListSchema, type ChatpushInstancePage } from './schemas';

export interface ChatpushDeveloperCredentials {
  brand: ChatpushBrand;
  hosts: Pick<ChatpushHosts, 'rest' | 'root'>;
  /** The developer's master token (spec §1.1). */
  apiKey: string;
}

/** The developer (api_key) side of Chategy/Jetapi: `/developer/v1/*` on the REST host, `Authorization: <api_key>`. */
export class ChatpushDeveloperApi {
  private readonly dialect;

  constructor(
    private readonly credentials: ChatpushDeveloperCredentials,
    private readonly transport: TransportOptions,
  ) {
    this.dialect = chatpushDialect(credentials.brand);
  }

  /**
   * §2 "List all" / "Get by external_id". per_page is 1..100 (default 100). With `externalId`, the platform
   * answers 404 when nothing matches; that is returned here as an empty page.
   */
  async listInstances(
    params: { page?: number; perPage?: number; externalId?: string } = {},
    call?: CallOptions,
  ): Promise<ChatpushInstancePage> {
    try {
      const response = await httpJson({
        ...transportFields(this.transport, call),
        dialect: this.dialect,
        operation: 'listInstances',
        action: 'listing the developer instances',
        credential: 'developer api_key',
        hints: {
          auth_failed: 'Check the developer api_key (Developer office → API accesses).',
          forbidden: 'Check that this api_key belongs to a developer account.',
        },
        method: 'GET',
        url: joinUrl(this.credentials.hosts.rest, '/developer/v1/instances'),
        query: { page: params.page, per_page: params.perPage, external_id: params.externalId },
        // §1.1: the api_key goes raw in Authorization, with no "Bearer" prefix.
        headers: { Authorization: this.credentials.apiKey },
        idempotent: true,
        secrets: [this.credentials.apiKey],
        parse: InstanceListSchema,
      });
      return response.data;
    } catch (error) {
      const notFound = error instanceof AppError && error.code === 'provider_not_found' && error.details.providerMessage === 'Not found';
      if (params.externalId !== undefined && notFound) {
        return { instances: [], page: params.page ?? 1, perPage: params.perPage ?? 100, totalCount: 0 };
      }
      throw error;
    }
  }
}
