import { createHash } from 'node:crypto';
import type { SandboxResponse } from '../http-server';
import type { CustomerContext, Route, RouteContext } from './router';
import { success, unprocessable } from './wire';
import type { ChatpushConversationRecord, ChatpushIframeLinkRecord } from './world';

/**
 * §7.1 iFrame web messenger (Jetapi). Two trees serve the same operations: `/api/v1/chatter` ([J-ind]) and
 * `/api/developer_chat` ([J-corp]); the generated link points at `/chatter` or `/developer_chat` accordingly.
 */

const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * ⚠ §7.1 password rules contradict themselves: "≥ 7 characters and at least 1 special character", yet
 * `Example123` and `Qwerrty1234` succeed, and change-password says "at least one digit or punctuation character".
 * The sandbox takes the reading every example satisfies: ≥ 7 characters and a digit or a punctuation mark, with
 * each endpoint's own wording. (`Qwerr` got no length message in the docs; here it gets both.)
 */
function passwordErrors(password: string, wording: 'link' | 'change'): string[] {
  const errors: string[] = [];
  if (!/\d/.test(password) && !PUNCTUATION.test(password)) {
    errors.push(wording === 'link' ? 'password at least one punctuation character' : 'password at least one digit or punctuation character');
  }
  if ([...password].length < 7) errors.push('password should be at least 7 character(s)');
  return errors;
}

function generateLink(api: ChatpushIframeLinkRecord['api']) {
  return ({ req, query, world, customer }: CustomerContext): SandboxResponse => {
    const authType = query.text('auth_type') === '1' ? 1 : 0;
    const password = query.text('password') ?? '';
    if (authType === 0) {
      const errors = passwordErrors(password, 'link');
      if (errors.length > 0) return unprocessable({ password: errors });
    }
    const hash = createHash('sha1').update(`${world.jwtSecret}:${customer.customerId}:${world.iframeLinks.length}`).digest('hex');
    world.iframeLinks.push({ customerId: customer.customerId, hash, authType, password: authType === 0 ? password : null, api });
    const page = api === 'chatter' ? 'chatter' : 'developer_chat';
    return success({ link: { link: `${req.origin}/${page}?customer_id=${customer.customerId}&hash=${hash}` } });
  };
}

function changePassword({ query, world, customer }: CustomerContext): SandboxResponse {
  const password = query.text('password') ?? '';
  const errors = passwordErrors(password, 'change');
  if (errors.length > 0) return unprocessable({ password: errors });
  for (const link of world.iframeLinks) if (link.customerId === customer.customerId && link.authType === 0) link.password = password;
  return success();
}

/** §7.1 delete chats: counts of what went; zero counts (still 200) when there was nothing. */
function deleteChats({ world, customer }: CustomerContext): SandboxResponse {
  const mine = world.conversations.filter((conversation) => conversation.customerId === customer.customerId);
  world.conversations = world.conversations.filter((conversation) => conversation.customerId !== customer.customerId);
  return success({
    customer_id: customer.customerId,
    deleted_conversations_count: mine.length,
    deleted_messages_count: mine.reduce((sum, conversation) => sum + conversation.messages, 0),
  });
}

/** `2025-05-23T13:54:33`: §7.1's naive ISO timestamps. */
const naiveIso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

function conversationWire(conversation: ChatpushConversationRecord) {
  return {
    id: conversation.id,
    updated_at: naiveIso(conversation.updatedAt),
    customer_id: conversation.customerId,
    client_phone: conversation.clientPhone,
    conversation_type: conversation.conversationType,
    created_at: naiveIso(conversation.createdAt),
    notes: conversation.notes,
    tdlib_user_id: conversation.tdlibUserId,
    tdlib_username: conversation.tdlibUsername,
    messenger_client_name: null,
    crm_client_name: null,
  };
}

/**
 * §7.1 notes: JSON body `{phone | tdlib_username | tdlib_user_id, notes: [{title, body}]}`; every conversation of
 * the contact is updated (WhatsApp and TDLib), `[]` clears. ⚠ A note with only a title failed in the docs with
 * "Notes must contain a maximum of 2 parts", so the sandbox wants both parts; the length wording is its own.
 * A contact without a conversation gets a WhatsApp one (the open-dialog rule "none → WhatsApp").
 */
function updateNotes({ req, world, customer, now }: CustomerContext): SandboxResponse {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>;
  } catch {
    body = {};
  }
  const text = (key: string) => (typeof body[key] === 'string' || typeof body[key] === 'number' ? String(body[key]).trim() : '');
  const phone = text('phone').replace(/^\+/, '');
  const username = text('tdlib_username').replace(/^@/, '');
  const userId = text('tdlib_user_id');
  if (!phone && !username && !userId) {
    return unprocessable({ phone: ['Phone number One of these fields must be present: [:phone, :tdlib_username, :tdlib_user_id]'] });
  }
  const notes = Array.isArray(body.notes) ? (body.notes as Record<string, unknown>[]) : [];
  const clean = notes.map((note) => ({
    title: typeof note?.title === 'string' ? note.title : null,
    body: typeof note?.body === 'string' ? note.body : null,
  }));
  if (clean.some((note) => !note.title || !note.body)) return unprocessable({ notes: ['Notes must contain a maximum of 2 parts'] });
  if (clean.some((note) => note.title!.length > 255 || note.body!.length > 1000)) {
    return unprocessable({ notes: ['Notes title must be at most 255 characters and body at most 1000'] });
  }
  let matching = world.conversations.filter(
    (c) =>
      c.customerId === customer.customerId &&
      ((phone && c.clientPhone === phone) || (username && c.tdlibUsername === username) || (userId && c.tdlibUserId === userId)),
  );
  if (matching.length === 0) {
    const created: ChatpushConversationRecord = {
      id: world.nextIds.conversation++,
      customerId: customer.customerId,
      clientPhone: phone || null,
      conversationType: phone ? 'whatsapp' : 'tdlib',
      tdlibUserId: userId || null,
      tdlibUsername: username || null,
      notes: [],
      messages: 0,
      createdAt: now,
      updatedAt: now,
    };
    world.conversations.push(created);
    matching = [created];
  }
  for (const conversation of matching) {
    conversation.notes = clean;
    conversation.updatedAt = now;
  }
  return success({ conversations: matching.map(conversationWire) });
}

/**
 * §7.1 open dialog: a page, no auth header; the link's `customer_id` + `hash` are the credential. The sandbox
 * serves a minimal page naming the chat, or 403.
 */
function openDialog({ query, world }: RouteContext): SandboxResponse {
  const link = world.iframeLinks.find((candidate) => String(candidate.customerId) === query.text('customer_id') && candidate.hash === query.text('hash'));
  const html = (status: number, title: string) => ({
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  });
  if (!link) return html(403, 'Forbidden');
  const phone = (query.text('phone') ?? '').replace(/[^\d]/g, '');
  return html(200, `Chat with +${phone}`);
}

export const iframeRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/chatter(?:\/generate_link)?$/, auth: 'customer', handle: generateLink('chatter') },
  { method: 'POST', pattern: /^\/api\/developer_chat\/generate_link$/, auth: 'customer', handle: generateLink('developer_chat') },
  { method: 'POST', pattern: /^\/api\/(?:v1\/chatter|developer_chat)\/change_password$/, auth: 'customer', handle: changePassword },
  { method: 'DELETE', pattern: /^\/api\/(?:v1\/chatter|developer_chat)$/, auth: 'customer', handle: deleteChats },
  { method: 'PUT', pattern: /^\/api\/developer_chat\/conversations\/notes$/, auth: 'customer', handle: updateNotes },
  { method: 'GET', pattern: /^(?:\/api\/v1\/chatter|\/chatter|\/developer_chat)$/, auth: 'none', handle: openDialog },
];
