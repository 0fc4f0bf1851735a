import { WEBHOOK_SUBSCRIPTION_TYPES } from '../../providers/chatpush/webhook-schemas';
import type { SandboxResponse } from '../http-server';
import type { CustomerContext, Params, Route, RouteContext } from './router';
import { notFound, success, unprocessable } from './wire';
import type { ChatpushWebhookRecord } from './world';

const TYPES = new Set<string>(WEBHOOK_SUBSCRIPTION_TYPES);

function webhookWire(webhook: ChatpushWebhookRecord) {
  return { id: webhook.id, types: webhook.types, url: webhook.url };
}

/** §5.1: `url` and `types[]` required, types among the 5 of §5.2 (`whatsapp_log_ou` → "types invalid"). */
function validate(query: Params): { url: string; types: string[] } | SandboxResponse {
  const url = query.filled('url');
  const types = query.list('types');
  const errors: Record<string, string[]> = {};
  // ⚠ Only "types invalid" is documented; the blank-url wording is the sandbox's.
  if (!url) errors.url = ["url can't be blank"];
  if (types.length === 0 || types.some((type) => !TYPES.has(type))) errors.types = ['types invalid'];
  return Object.keys(errors).length > 0 ? unprocessable(errors) : { url: url!, types: [...new Set(types)] };
}

/**
 * §5.1 CRUD for one variant: the developer's webhooks (owner "developer", api_key, updated with PUT) or a
 * customer's own (owner = customer id, Bearer, updated with PATCH). A webhook of the other owner is "Not found".
 */
type Context = RouteContext & Partial<Pick<CustomerContext, 'customer'>>;

function webhookRoutes(
  prefix: string,
  auth: 'developer' | 'customer',
  updateMethod: 'PUT' | 'PATCH',
  ownerOf: (ctx: Context) => ChatpushWebhookRecord['owner'],
): Route[] {
  const list = new RegExp(`^${prefix}$`);
  const one = new RegExp(`^${prefix}/(\\d+)$`);
  const find = (ctx: Context) => ctx.world.webhooks.find((w) => w.id === Number(ctx.params[0]) && w.owner === ownerOf(ctx));
  const handlers: { method: string; pattern: RegExp; handle: (ctx: Context) => SandboxResponse }[] = [
    { method: 'GET', pattern: list, handle: (ctx) => success({ webhooks: ctx.world.webhooks.filter((w) => w.owner === ownerOf(ctx)).map(webhookWire) }) },
    {
      method: 'POST',
      pattern: list,
      handle: (ctx) => {
        const valid = validate(ctx.query);
        if ('status' in valid) return valid;
        const webhook = { id: ctx.world.nextIds.webhook++, owner: ownerOf(ctx), ...valid };
        ctx.world.webhooks.push(webhook);
        return success({ webhook: webhookWire(webhook) });
      },
    },
    {
      method: 'GET',
      pattern: one,
      handle: (ctx) => {
        const webhook = find(ctx);
        return webhook ? success({ webhook: webhookWire(webhook) }) : notFound();
      },
    },
    {
      method: updateMethod,
      pattern: one,
      handle: (ctx) => {
        const webhook = find(ctx);
        if (!webhook) return notFound();
        const valid = validate(ctx.query);
        if ('status' in valid) return valid;
        Object.assign(webhook, valid);
        return success({ webhook: webhookWire(webhook) });
      },
    },
    {
      method: 'DELETE',
      pattern: one,
      handle: (ctx) => {
        const webhook = find(ctx);
        if (!webhook) return notFound();
        ctx.world.webhooks = ctx.world.webhooks.filter((w) => w !== webhook);
        return success();
      },
    },
  ];
  return handlers.map((handler) => ({ ...handler, auth }) as Route);
}

export const developerWebhookRoutes = webhookRoutes('/developer/v1/webhooks', 'developer', 'PUT', () => 'developer');
export const individualWebhookRoutes = webhookRoutes('/api/v1/webhooks', 'customer', 'PATCH', (ctx) => ctx.customer!.customerId);
