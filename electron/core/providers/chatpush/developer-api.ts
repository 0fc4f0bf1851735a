import type { ChatpushBrand, ChatpushHosts } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import { joinUrl, type CallOptions, type TransportOptions } from '../http';
import { chatpushDialect } from './dialect';
import {
  CreateInstanceInputSchema,
  TelegramBotInputSchema,
  UpdateInstanceInputSchema,
  validateInput,
  type CreateInstanceInput,
  type TelegramBotInput,
  type UpdateInstanceInput,
} from './inputs';
import { TelegramBotEnvelopeSchema, type ChatpushTelegramBot } from './messenger-schemas';
import {
  BareSuccessSchema,
  InstanceCreatedSchema,
  InstanceEnvelopeSchema,
  InstanceListSchema,
  InstanceRenewedSchema,
  InstanceUpdatedSchema,
  type ChatpushCreatedInstance,
  type ChatpushInstance,
  type ChatpushInstancePage,
  type ChatpushRenewedInstance,
  type ChatpushUpdatedInstance,
} from './schemas';
import { ChatpushTransport } from './transport';
import { ChatpushWebhooksApi } from './webhooks-api';

export interface ChatpushDeveloperCredentials {
  brand: ChatpushBrand;
  hosts: Pick<ChatpushHosts, 'rest' | 'root'>;
  /** The developer's master token (spec §1.1). */
  apiKey: string;
}

/** §2 List: per_page is 1..100, default 100. */
export const MAX_INSTANCES_PER_PAGE = 100;

/**
 * The developer (api_key) side of Chategy/Jetapi: `/developer/v1/*` on the REST host and instance creation on
 * the root host, with `Authorization: <api_key>` (§1.1: no "Bearer" prefix).
 */
export class ChatpushDeveloperApi {
  private readonly transport: ChatpushTransport;
  /** §5.1 developer webhooks: `/developer/v1/webhooks`, updated with PUT. */
  readonly webhooks: ChatpushWebhooksApi;

  constructor(
    private readonly credentials: ChatpushDeveloperCredentials,
    transport: TransportOptions,
  ) {
    this.transport = new ChatpushTransport(chatpushDialect(credentials.brand), transport, {
      authorization: credentials.apiKey,
      secret: credentials.apiKey,
      credential: 'developer api_key',
      authHint: 'Check the developer api_key (Developer office → API accesses).',
    });
    this.webhooks = new ChatpushWebhooksApi(this.transport, this.rest('/developer/v1/webhooks'), 'PUT', 'developer');
  }

  /**
   * §2 Create: `POST <root host>/api/tmp/instances` (⚠ the root host, not `api.`, and `tmp` in the path) with a
   * JSON body. Validated first; never retried (a retry could create a second instance).
   */
  async createInstance(input: CreateInstanceInput, call?: CallOptions): Promise<ChatpushCreatedInstance> {
    const names = { operation: 'createInstance', action: 'creating an instance' };
    const valid = validateInput(CreateInstanceInputSchema, input, { dialect: this.transport.dialect, ...names });
    const instance = {
      email: valid.email,
      phone: valid.phone,
      password: valid.password,
      external_id: valid.externalId,
      dispatch_routing: valid.dispatchRouting,
      renew_subscription: valid.renewSubscription,
    };
    this.transport.registerSecret(valid.password);
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: joinUrl(this.credentials.hosts.root, '/api/tmp/instances'),
        body: { instance },
        parse: InstanceCreatedSchema,
        hints: { provider_validation: 'An instance with this email or phone may already exist: search the instance list.' },
      },
      call,
    );
  }

  /** §2 Get: the path key is the customer id (⚠ spelled `:curstomer_id` in the docs), not the instance id. */
  getInstance(customerId: number, call?: CallOptions): Promise<ChatpushInstance> {
    return this.transport.request(
      {
        operation: 'getInstance',
        action: `reading the instance of customer ${customerId}`,
        method: 'GET',
        url: this.rest(`/developer/v1/instances/${customerId}`),
        parse: InstanceEnvelopeSchema,
        hints: { provider_not_found: 'Check the customer id: this call takes the customer id, not the instance id.' },
      },
      call,
    );
  }

  /**
   * §2 "List all" / "Get by external_id". With `externalId`, the platform answers 404 when nothing matches; that
   * is returned here as an empty page.
   */
  async listInstances(params: { page?: number; perPage?: number; externalId?: string } = {}, call?: CallOptions): Promise<ChatpushInstancePage> {
    try {
      return await this.transport.request(
        {
          operation: 'listInstances',
          action: 'listing the developer instances',
          method: 'GET',
          url: this.rest('/developer/v1/instances'),
          query: { page: params.page, per_page: params.perPage, external_id: params.externalId },
          parse: InstanceListSchema,
          hints: { forbidden: 'Check that this api_key belongs to a developer account.' },
        },
        call,
      );
    } catch (error) {
      const notFound = error instanceof AppError && error.code === 'provider_not_found' && error.details.providerMessage === 'Not found';
      if (params.externalId !== undefined && notFound) {
        return { instances: [], page: params.page ?? 1, perPage: params.perPage ?? MAX_INSTANCES_PER_PAGE, totalCount: 0 };
      }
      throw error;
    }
  }

  /**
   * Every page of the list, one request at a time, for fleets of thousands. It stops on an empty page or once
   * `total_count` items arrived, and counts what really came back: ⚠ the docs' example echoes `per_page 100` for
   * a request of 2, so the echoed page size is not trusted.
   */
  async *iterateInstancePages(
    params: { perPage?: number; externalId?: string } = {},
    call?: CallOptions,
  ): AsyncGenerator<ChatpushInstancePage, void, void> {
    const perPage = Math.min(MAX_INSTANCES_PER_PAGE, Math.max(1, params.perPage ?? MAX_INSTANCES_PER_PAGE));
    let received = 0;
    for (let page = 1; ; page++) {
      const result = await this.listInstances({ page, perPage, externalId: params.externalId }, call);
      if (result.instances.length === 0) return;
      received += result.instances.length;
      yield result;
      if (received >= result.totalCount || result.instances.length < perPage) return;
    }
  }

  /** All instances (optionally those with one external_id), across every page. */
  async listAllInstances(
    params: { perPage?: number; externalId?: string; onProgress?: (received: number, total: number) => void } = {},
    call?: CallOptions,
  ): Promise<ChatpushInstance[]> {
    const all: ChatpushInstance[] = [];
    for await (const page of this.iterateInstancePages(params, call)) {
      all.push(...page.instances);
      params.onProgress?.(all.length, page.totalCount);
    }
    return all;
  }

  /** §2 Update: `PUT /developer/v1/instances/:instance_id` with every field as a query parameter. */
  async updateInstance(instanceId: number, input: UpdateInstanceInput, call?: CallOptions): Promise<ChatpushUpdatedInstance> {
    const names = { operation: 'updateInstance', action: `updating instance ${instanceId}` };
    const valid = validateInput(UpdateInstanceInputSchema, input, { dialect: this.transport.dialect, ...names });
    if (valid.password) this.transport.registerSecret(valid.password);
    return this.transport.request(
      {
        ...names,
        method: 'PUT',
        url: this.rest(`/developer/v1/instances/${instanceId}`),
        query: {
          renew_subscription: valid.renewSubscription,
          external_id: valid.externalId,
          'dispatch_routing[]': valid.dispatchRouting,
          email: valid.email,
          phone: valid.phone,
          password: valid.password,
        },
        parse: InstanceUpdatedSchema,
        hints: { provider_not_found: 'Check the instance id: this call takes the instance id, not the customer id.' },
      },
      call,
    );
  }

  /** §2 Renew: debits the developer's balance and extends the subscription one month; 422 "not enough money". */
  renewSubscription(instanceId: number, call?: CallOptions): Promise<ChatpushRenewedInstance> {
    return this.transport.request(
      {
        operation: 'renewSubscription',
        action: `renewing the subscription of instance ${instanceId}`,
        method: 'POST',
        url: this.rest(`/developer/v1/instances/${instanceId}/renew_subscription`),
        parse: InstanceRenewedSchema,
        hints: { provider_validation: 'If the balance is too low, top up the developer balance and try again.' },
      },
      call,
    );
  }

  /** §2 Interrupt WhatsApp authorization: `DELETE …/delete_container_session` (bare success). */
  interruptWhatsappAuthorization(instanceId: number, call?: CallOptions): Promise<void> {
    return this.transport.request(
      {
        operation: 'deleteContainerSession',
        action: `interrupting the WhatsApp authorization of instance ${instanceId}`,
        method: 'DELETE',
        url: this.rest(`/developer/v1/instances/${instanceId}/delete_container_session`),
        parse: BareSuccessSchema,
      },
      call,
    );
  }

  /** §4.3 Telegram Bot authorization ([J-corp]): every field is a query parameter. */
  async authorizeTelegramBot(input: TelegramBotInput, call?: CallOptions): Promise<ChatpushTelegramBot> {
    const names = { operation: 'authorizeTelegramBot', action: 'connecting a Telegram bot' };
    const valid = validateInput(TelegramBotInputSchema, input, { dialect: this.transport.dialect, ...names });
    this.transport.registerSecret(valid.apiToken);
    return this.transport.request(
      {
        ...names,
        method: 'POST',
        url: this.rest('/developer/v1/telegram_bots'),
        query: { instance_id: valid.instanceId, api_token: valid.apiToken, menu_title: valid.menuTitle, menu_link: valid.menuLink },
        parse: TelegramBotEnvelopeSchema,
      },
      call,
    );
  }

  private rest(path: string): string {
    return joinUrl(this.credentials.hosts.rest, path);
  }
}
