import { EVENT_NAMES, type Chat2DeskEventName } from '../../providers/chat2desk/events';
import type { Route, RouteContext } from './router';
import { positiveInt } from './router';
import { acknowledged, fieldError, missing, notFound, success } from './wire';
import type { Chat2DeskWebhookRecord } from './world';

/**
 * A6 / C5 webhook CRUD. Undocumented, chosen here:
 *   - a sixth hook: 400 `{"errors":{"webhooks":[{"text":"Up to 5 simultaneous webhooks are allowed for free.",
 *     "error":"unsupported_value"}]}}`, the per-field variant of A4 (every existing hook counts, enabled or not);
 *   - event names are checked against the 25 documented ones; channels against the account's channels;
 *   - PUT answers like POST, `{"data":W}`; `url: null` on PUT deletes the hook, as the POST text says;
 *   - the list shows disabled hooks too, with `status:"disable"`, so they can be enabled again.
 */

function full(hook: Chat2DeskWebhookRecord, errors: string[] | null = hook.errors) {
  return { id: hook.id, name: hook.name, url: hook.url, events: hook.events, status: hook.status, errors, source: 'client', channels: hook.channels };
}

function validEvents(value: unknown): Chat2DeskEventName[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'Parameter is required.';
  const unknown = value.find((name) => typeof name !== 'string' || !(EVENT_NAMES as readonly string[]).includes(name));
  return unknown === undefined ? (value as Chat2DeskEventName[]) : `Unknown event '${String(unknown)}'.`;
}

function validChannels(ctx: RouteContext, value: unknown): number[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return 'Parameter must be an array of channel ids.';
  const ids = value.map(positiveInt);
  const missingId = value.find((raw, index) => ids[index] === undefined || !ctx.world.channels.some((channel) => channel.id === ids[index]));
  return missingId === undefined ? (ids as number[]) : `Channel ${String(missingId)} not found.`;
}

function hookById(ctx: RouteContext) {
  const id = Number(ctx.params[0]);
  return { id, hook: ctx.world.webhooks.find((candidate) => candidate.id === id) };
}

export const webhookRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/webhooks$/, handle: ({ world }) => success(world.webhooks.map((hook) => full(hook))) },
  {
    method: 'GET',
    pattern: /^\/v1\/webhooks\/(\d+)$/,
    handle: (ctx) => {
      const { id, hook } = hookById(ctx);
      if (!hook) return notFound('Webhook', id);
      // C5 [CONTRA]: a one-element array, without source and channels, errors null when there are none.
      const { id: hookId, name, url, events, status } = hook;
      return success([{ id: hookId, name, url, events, status, errors: hook.errors.length ? hook.errors : null }]);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/webhooks$/,
    handle: (ctx) => {
      const { body, world } = ctx;
      if (typeof body.url !== 'string' || !body.url.trim()) return missing('url');
      if (typeof body.name !== 'string' || !body.name.trim()) return missing('name');
      const events = validEvents(body.events);
      if (typeof events === 'string') return fieldError('events', events, events.startsWith('Unknown') ? 'unsupported_value' : 'missing_parameter');
      const channels = validChannels(ctx, body.channels);
      if (typeof channels === 'string') return fieldError('channels', channels, 'not_found');
      if (world.webhooks.length >= world.settings.webhookLimit) {
        return fieldError('webhooks', `Up to ${world.settings.webhookLimit} simultaneous webhooks are allowed for free.`, 'unsupported_value');
      }
      const hook: Chat2DeskWebhookRecord = {
        id: world.nextIds.webhook++,
        name: body.name,
        url: body.url,
        events,
        status: 'enable',
        errors: [],
        channels,
        failingSinceMs: null,
      };
      world.webhooks.push(hook);
      // C5: 200 (not 201), errors null, source "client".
      return success(full(hook, null));
    },
  },
  {
    method: 'PUT',
    pattern: /^\/v1\/webhooks\/(\d+)$/,
    handle: (ctx) => {
      const { id, hook } = hookById(ctx);
      if (!hook) return notFound('Webhook', id);
      const { body, req, world } = ctx;
      const status = req.url.searchParams.get('status');
      if (status !== null && status !== 'enable' && status !== 'disable') {
        return fieldError('status', "Only 'enable' or 'disable' are allowed.", 'unsupported_value');
      }
      if ('url' in body && body.url === null) {
        world.webhooks.splice(world.webhooks.indexOf(hook), 1);
        return acknowledged();
      }
      if ('url' in body && (typeof body.url !== 'string' || !body.url.trim())) return fieldError('url', 'Parameter must be a URL.', 'unsupported_value');
      if ('name' in body && (typeof body.name !== 'string' || !body.name.trim())) return fieldError('name', 'Parameter cannot be empty.', 'unsupported_value');
      const events = 'events' in body ? validEvents(body.events) : hook.events;
      if (typeof events === 'string') return fieldError('events', events, 'unsupported_value');
      const channels = 'channels' in body ? validChannels(ctx, body.channels) : hook.channels;
      if (typeof channels === 'string') return fieldError('channels', channels, 'not_found');
      if (typeof body.url === 'string') hook.url = body.url;
      if (typeof body.name === 'string') hook.name = body.name;
      hook.events = events;
      hook.channels = channels;
      if (status === 'enable' && hook.status !== 'enable') {
        hook.status = 'enable';
        hook.failingSinceMs = null;
      } else if (status === 'disable') {
        hook.status = 'disable';
      }
      return success(full(hook));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/webhooks\/(\d+)$/,
    handle: (ctx) => {
      const { id, hook } = hookById(ctx);
      if (!hook) return notFound('Webhook', id);
      ctx.world.webhooks.splice(ctx.world.webhooks.indexOf(hook), 1);
      return acknowledged();
    },
  },
];
