import type { SandboxRequest, SandboxResponse } from '../http-server';
import { paginate } from './pagination';
import { chattiError, invalid, json, noContent } from './wire';
import { chattiTime, type ChattiContactRecord, type ChattiMessageRecord, type ChattiWorld } from './world';

export interface ChattiRouteContext {
  req: SandboxRequest;
  params: string[];
  world: ChattiWorld;
  now: number;
  body: Record<string, unknown>;
}

export interface ChattiRoute {
  method: string;
  pattern: RegExp;
  handle(ctx: ChattiRouteContext): SandboxResponse;
}

const contactWire = (contact: ChattiContactRecord) => ({
  id: contact.id,
  first_name: contact.firstName,
  last_name: contact.lastName,
  phone: contact.phone,
  email: contact.email,
  created_at: chattiTime(contact.createdMs),
  updated_at: chattiTime(contact.updatedMs),
});

const messageWire = (message: ChattiMessageRecord) => ({
  id: message.id,
  direction: message.direction,
  to: message.to,
  from: message.from,
  body: message.body,
  media_url: message.mediaUrl,
  parts: message.parts,
  created_at: chattiTime(message.createdMs),
});

const E164 = /^\+[1-9]\d{6,14}$/;
/** Part B "MMS File Types": the extension decides the type. */
const MMS_EXTENSIONS = ['gif', 'png', 'jpg', 'jpeg', 'mp3', 'wav', '3gp', 'mp4', 'mpg', 'mpeg', 'avi', 'pdf', 'vcf', 'vcard'];
/** Part B "Opt-out tags": `{OptOutURL}` expands to a link; the sandbox's is this long. */
const OPT_OUT_URL = 'https://chatti.io/o/XXXXXXXX';
const HARD_LIMIT = 1570;

/** Part B "Using a Sender ID": up to 11 characters, A–Z a–z 0–9 and spaces, at least one letter. */
function validSender(from: string): boolean {
  return E164.test(from) || (from.length <= 11 && /^[A-Za-z0-9 ]+$/.test(from) && /[A-Za-z]/.test(from));
}

function contactFields(body: Record<string, unknown>, partial: boolean): Partial<ChattiContactRecord> | SandboxResponse {
  const fields: Partial<ChattiContactRecord> = {};
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : undefined);
  for (const [wire, field] of [['first_name', 'firstName'], ['last_name', 'lastName'], ['email', 'email']] as const) {
    const value = text(wire);
    if (value !== undefined) fields[field] = value;
  }
  const phone = text('phone');
  if (phone !== undefined && !E164.test(phone)) return invalid('phone', 'The phone must be an E.164 number, e.g. +15551234567.');
  if (phone !== undefined) fields.phone = phone;
  if (!partial && !fields.phone) return invalid('phone', 'The phone field is required.');
  return fields;
}

function findById<T extends { id: number }>(records: T[], id: string | undefined): T | undefined {
  return records.find((record) => String(record.id) === id);
}

export const chattiRoutes: ChattiRoute[] = [
  { method: 'GET', pattern: /^\/v1\/contacts$/, handle: ({ req, world, now }) => paginate(req, world.contacts, now, contactWire) },
  {
    method: 'POST',
    pattern: /^\/v1\/contacts$/,
    handle: ({ body, world, now }) => {
      const fields = contactFields(body, false);
      if ('status' in fields) return fields;
      const contact: ChattiContactRecord = { id: world.nextIds.contact++, firstName: '', lastName: '', phone: '', email: '', ...fields, createdMs: now, updatedMs: now };
      world.contacts.push(contact);
      // [GAP] single resources: Laravel's `{"data": {…}}` resource wrapping, chosen.
      return json({ data: contactWire(contact) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/contacts\/(\d+)$/,
    handle: ({ params, world }) => {
      const contact = findById(world.contacts, params[0]);
      return contact ? json({ data: contactWire(contact) }) : chattiError(404, 'Contact not found.');
    },
  },
  ...(['PUT', 'PATCH'] as const).map(
    (method): ChattiRoute => ({
      method,
      pattern: /^\/v1\/contacts\/(\d+)$/,
      handle: ({ params, world, body, now }) => {
        const contact = findById(world.contacts, params[0]);
        if (!contact) return chattiError(404, 'Contact not found.');
        const fields = contactFields(body, method === 'PATCH');
        if ('status' in fields) return fields;
        Object.assign(contact, fields, { updatedMs: now });
        return json({ data: contactWire(contact) });
      },
    }),
  ),
  {
    method: 'DELETE',
    pattern: /^\/v1\/contacts\/(\d+)$/,
    handle: ({ params, world }) => {
      const contact = findById(world.contacts, params[0]);
      if (!contact) return chattiError(404, 'Contact not found.');
      world.contacts.splice(world.contacts.indexOf(contact), 1);
      return noContent();
    },
  },
  { method: 'GET', pattern: /^\/v1\/messages$/, handle: ({ req, world, now }) => paginate(req, world.messages, now, messageWire) },
  {
    method: 'GET',
    pattern: /^\/v1\/messages\/(\d+)$/,
    handle: ({ params, world }) => {
      const message = findById(world.messages, params[0]);
      return message ? json({ data: messageWire(message) }) : chattiError(404, 'Message not found.');
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/messages$/,
    handle: ({ body, world, now }) => {
      const to = typeof body.to === 'string' ? body.to.trim() : '';
      if (!E164.test(to)) return invalid('to', 'The to must be an E.164 number, e.g. +15551234567.');
      const from = typeof body.from === 'string' ? body.from : 'Chatti';
      if (!validSender(from)) return invalid('from', 'The from must be an E.164 number or a sender ID of up to 11 letters, digits and spaces, with at least one letter.');
      const mediaUrl = typeof body.media_url === 'string' ? body.media_url : null;
      const extension = mediaUrl ? /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(mediaUrl)?.[1]?.toLowerCase() : undefined;
      if (mediaUrl && (!extension || !MMS_EXTENSIONS.includes(extension))) return invalid('media_url', 'The media url must end in a supported MMS file extension.');
      const text = typeof body.body === 'string' ? body.body : '';
      if (!text && !mediaUrl) return invalid('body', 'The body field is required.');
      const expanded = text.replaceAll('{OptOutURL}', OPT_OUT_URL);
      if (expanded.length > HARD_LIMIT) return invalid('body', `The body may not be greater than ${HARD_LIMIT} characters once {OptOutURL} is expanded.`);
      const message: ChattiMessageRecord = {
        id: world.nextIds.message++,
        direction: 'outbound',
        to,
        from,
        body: expanded,
        mediaUrl,
        parts: Math.max(1, Math.ceil(expanded.length / 153)),
        createdMs: now,
      };
      world.messages.push(message);
      return json({ data: messageWire(message) });
    },
  },
];
