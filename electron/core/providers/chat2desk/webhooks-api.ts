import type { CallOptions } from '../http';
import { AcknowledgementSchema } from './envelope';
import { chat2DeskEventCatalogue } from './events';
import { IdSchema, WebhookChangesSchema, WebhookInputSchema, WebhookStatusSchema, type Chat2DeskWebhookChanges, type Chat2DeskWebhookInput } from './inputs';
import { checkInput, type Chat2DeskCaller } from './request';
import { WebhookByIdSchema, WebhookListSchema, WebhookWriteSchema, type Chat2DeskWebhook, type Chat2DeskWebhookList, type Chat2DeskWebhookStatus } from './webhook-schemas';

/** A6 webhooks: list, get, create, update, enable/disable, delete; deliveries are signed (see signature.ts). */
export class Chat2DeskWebhooksApi {
  constructor(private readonly caller: Chat2DeskCaller) {}

  /** The documented events, what each delivers and whether the channels filter applies (no request). */
  catalogue() {
    return chat2DeskEventCatalogue();
  }

  /** Every hook, with the free allowance of 5 and how much of it is left. */
  async list(call?: CallOptions): Promise<Chat2DeskWebhookList> {
    return this.caller.call({ operation: 'listWebhooks', action: 'listing the webhooks', method: 'GET', path: '/v1/webhooks', parse: WebhookListSchema }, call);
  }

  async get(id: number, call?: CallOptions): Promise<Chat2DeskWebhook> {
    const webhookId = checkInput(this.caller, 'getWebhook', IdSchema, id);
    return this.caller.call(
      { operation: 'getWebhook', action: `reading webhook #${webhookId}`, method: 'GET', path: `/v1/webhooks/${webhookId}`, parse: WebhookByIdSchema },
      call,
    );
  }

  /** POST answers 200 (not 201) with the hook, `status:"enable"` (A6). A sixth hook is refused: see freeSlotsLeft. */
  async create(input: Chat2DeskWebhookInput, call?: CallOptions): Promise<Chat2DeskWebhook> {
    const body = checkInput(this.caller, 'createWebhook', WebhookInputSchema, input);
    const created = await this.caller.call(
      { operation: 'createWebhook', action: 'creating a webhook', method: 'POST', path: '/v1/webhooks', body, parse: WebhookWriteSchema },
      call,
    );
    if (!created) throw this.caller.invalid('createWebhook', 'Chat2Desk created the webhook but did not return it; list the webhooks to see it');
    return created;
  }

  /**
   * PUT with the changed fields; `status` goes in the query (`?status=enable|disable`) and, when omitted, leaves the
   * hook as it is (A6). The answer is undocumented: when it carries no hook, the hook is read back.
   */
  async update(id: number, changes: Chat2DeskWebhookChanges, options: { status?: Chat2DeskWebhookStatus } = {}, call?: CallOptions): Promise<Chat2DeskWebhook> {
    const webhookId = checkInput(this.caller, 'updateWebhook', IdSchema, id);
    const body = checkInput(this.caller, 'updateWebhook', WebhookChangesSchema, changes);
    const status = options.status === undefined ? undefined : checkInput(this.caller, 'updateWebhook', WebhookStatusSchema, options.status);
    const updated = await this.caller.call(
      {
        operation: 'updateWebhook',
        action: `updating webhook #${webhookId}`,
        method: 'PUT',
        path: `/v1/webhooks/${webhookId}`,
        query: { status },
        body,
        parse: WebhookWriteSchema,
      },
      call,
    );
    return updated ?? this.get(webhookId, call);
  }

  /** Re-enables a hook Chat2Desk disabled after 5 hours without a successful delivery, or pauses one. */
  async setEnabled(id: number, enabled: boolean, call?: CallOptions): Promise<Chat2DeskWebhook> {
    return this.update(id, {}, { status: enabled ? 'enable' : 'disable' }, call);
  }

  async delete(id: number, call?: CallOptions): Promise<void> {
    const webhookId = checkInput(this.caller, 'deleteWebhook', IdSchema, id);
    await this.caller.call(
      { operation: 'deleteWebhook', action: `deleting webhook #${webhookId}`, method: 'DELETE', path: `/v1/webhooks/${webhookId}`, parse: AcknowledgementSchema },
      call,
    );
  }
}
