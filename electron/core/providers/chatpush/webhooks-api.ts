import type { CallOptions } from '../http';
import { joinUrl } from '../http';
import { validateInput, WebhookInputSchema, type WebhookInput } from './inputs';
import { BareSuccessSchema } from './schemas';
import type { ChatpushTransport } from './transport';
import { WebhookEnvelopeSchema, WebhookListSchema, type ChatpushWebhook } from './webhook-schemas';

/**
 * §5.1 webhook CRUD. The two variants differ only in tree, auth and update verb: developer webhooks
 * (`/developer/v1/webhooks`, api_key) update with PUT, individual ones (`/api/v1/webhooks`, Bearer) with PATCH.
 */
export class ChatpushWebhooksApi {
  constructor(
    private readonly transport: ChatpushTransport,
    private readonly base: string,
    private readonly updateMethod: 'PUT' | 'PATCH',
    /** "developer" or "individual", for operation ids and messages. */
    private readonly variant: 'developer' | 'individual',
  ) {}

  list(call?: CallOptions): Promise<ChatpushWebhook[]> {
    return this.transport.request(
      { ...this.names('listWebhooks', 'listing the webhooks'), method: 'GET', url: this.base, parse: WebhookListSchema },
      call,
    );
  }

  get(id: number, call?: CallOptions): Promise<ChatpushWebhook> {
    return this.transport.request(
      {
        ...this.names('getWebhook', `reading webhook ${id}`),
        method: 'GET',
        url: joinUrl(this.base, `/${id}`),
        parse: WebhookEnvelopeSchema,
        hints: { provider_not_found: 'The webhook may have been deleted: reload the list.' },
      },
      call,
    );
  }

  async create(input: WebhookInput, call?: CallOptions): Promise<ChatpushWebhook> {
    const names = this.names('createWebhook', 'creating a webhook');
    const { url, types } = validateInput(WebhookInputSchema, input, { dialect: this.transport.dialect, ...names });
    return this.transport.request(
      { ...names, method: 'POST', url: this.base, query: { url, 'types[]': types }, parse: WebhookEnvelopeSchema },
      call,
    );
  }

  async update(id: number, input: WebhookInput, call?: CallOptions): Promise<ChatpushWebhook> {
    const names = this.names('updateWebhook', `updating webhook ${id}`);
    const { url, types } = validateInput(WebhookInputSchema, input, { dialect: this.transport.dialect, ...names });
    return this.transport.request(
      {
        ...names,
        method: this.updateMethod,
        url: joinUrl(this.base, `/${id}`),
        query: { 'types[]': types, url },
        parse: WebhookEnvelopeSchema,
      },
      call,
    );
  }

  delete(id: number, call?: CallOptions): Promise<void> {
    return this.transport.request(
      { ...this.names('deleteWebhook', `deleting webhook ${id}`), method: 'DELETE', url: joinUrl(this.base, `/${id}`), parse: BareSuccessSchema },
      call,
    );
  }

  private names(operation: string, action: string) {
    return { operation: `${this.variant}.${operation}`, action: `${action} (${this.variant} webhooks)` };
  }
}
