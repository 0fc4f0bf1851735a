import type { Route } from './router';
import { positiveInt } from './router';
import { acknowledged, failure, fieldError, missing, ok, success } from './wire';

/** The C4 and C13 quirks outside webhooks and messages. */
export const miscRoutes: Route[] = [
  {
    // C4 / A4 variant 5: a ticket that does not exist is answered 200 with `"status":"error"`.
    method: 'DELETE',
    pattern: /^\/v1\/tickets\/(\d+)$/,
    handle: ({ params, world }) => {
      const id = Number(params[0]);
      const index = world.tickets.findIndex((ticket) => ticket.id === id);
      if (index < 0) return ok({ message: 'bad_request', errors: { text: `Ticket #${id} not found`, error: 'not_found' }, status: 'error' });
      world.tickets.splice(index, 1);
      return acknowledged();
    },
  },
  {
    // C13: POST tags answers 201 (every other create 200), `data` as a one-element array.
    method: 'POST',
    pattern: /^\/v1\/tags$/,
    handle: ({ param, world }) => {
      const label = param('tag_label');
      if (typeof label !== 'string' || !label) return missing('tag_label');
      if (label.length > 20) return fieldError('tag_label', 'Parameter must not exceed 20 characters.', 'unsupported_value');
      const groupId = positiveInt(param('tag_group_id')) ?? 1425;
      const tag = { id: world.nextIds.tag++, label, description: String(param('tag_description') ?? ''), groupId, groupName: String(groupId) };
      world.tags.push(tag);
      return { ...success([{ id: tag.id, label: tag.label, description: tag.description, group_id: tag.groupId, group_name: tag.groupName }]), status: 201 };
    },
  },
  {
    // C13: a GET that takes a JSON body, `{"channel_id": …}`. [AMBIG] the example is bare: enveloped here.
    method: 'GET',
    pattern: /^\/v1\/scenarios\/menu_items$/,
    handle: ({ param, world }) => {
      const channelId = positiveInt(param('channel_id'));
      if (channelId === undefined) return missing('channel_id');
      if (!world.channels.some((channel) => channel.id === channelId)) return failure(404, 'not_found', `Channel #${channelId} not found`);
      return success([
        { id: 61528, channelID: channelId, command: 'End', level: 1, name: 'End this chat', parentID: null, position: 1, text: 'See you!', url: null, url_enabled: 0 },
      ]);
    },
  },
];
