import { describe, expect, it } from 'vitest';
import { loadSeedDescriptionBlocks, type DescriptionBlock } from '../golden/postman';
import { WebhookEventSchema, type ChatpushWebhookEvent } from './webhook-schemas';

/**
 * Golden test of the §5.3 webhook payloads. Like the Phoenix frames (phoenix/wire.test.ts), they are not Postman
 * response examples but code blocks in the Webhooks folder descriptions of seeds 000 (Chategy) and 001 (Jetapi).
 * Every block that parses as JSON must parse as a webhook event and read as the table below says; a block count
 * other than the table's fails, so a seed that moves or loses examples is noticed rather than skipped.
 */
type Expected = [type: string, variant: 'developer' | 'individual', customerId: number, deliveryId: number | null | 'absent'];

const DEVELOPER_EXAMPLES: Expected[] = [
  ['whatsapp_log_in', 'developer', 1050, 'absent'],
  ['whatsapp_incoming_msg', 'developer', 2707, 29290746],
  // ⚠ §5.3: the developer "Outgoing with the file" example lacks `instance` and carries the individual customer_id.
  ['whatsapp_incoming_msg', 'individual', 4140, null],
  ['whatsapp_incoming_msg', 'developer', 2707, null],
  ['whatsapp_incoming_msg', 'developer', 27807, null],
  ['tdlib_incoming_msg', 'developer', 77, 170405],
  ['tdlib_incoming_msg', 'developer', 530, null],
  ['whatsapp_call', 'developer', 111, 'absent'],
];

const INDIVIDUAL_EXAMPLES: Expected[] = [
  ['whatsapp_log_in', 'individual', 1150, 'absent'],
  ['whatsapp_incoming_msg', 'individual', 4140, null],
  ['whatsapp_incoming_msg', 'individual', 4140, null],
  ['whatsapp_incoming_msg', 'individual', 4140, null],
  ['whatsapp_incoming_msg', 'individual', 4140, null],
  ['tdlib_incoming_msg', 'individual', 77, 170405],
  ['tdlib_incoming_msg', 'individual', 6509, 17202971],
  ['tdlib_incoming_msg', 'individual', 6509, null],
  ['tdlib_call', 'individual', 369, 'absent'],
  ['whatsapp_call', 'individual', 124, 'absent'],
];

/** Seed → the valid-JSON webhook blocks in document order: 8 + 18 = 26. */
const EXPECTED: Record<string, Expected[]> = {
  '000': DEVELOPER_EXAMPLES,
  '001': [...INDIVIDUAL_EXAMPLES, ...DEVELOPER_EXAMPLES],
};

/** The code blocks that are (or try to be) a webhook body: a `type` and a `payload`. */
function webhookBlocks(seed: string): DescriptionBlock[] {
  return loadSeedDescriptionBlocks(seed).filter((block) => /"type"\s*:/.test(block.text) && /"payload"\s*:/.test(block.text));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Line wraps go: the docs wrap long strings (download URLs) inside the string. */
const unwrap = (text: string) => text.replace(/\n/g, '');

const where = (block: DescriptionBlock) => `${block.folderPath.join(' / ')}: ${unwrap(block.text).slice(0, 120)}`;

function readEvent(block: DescriptionBlock, value: unknown): ChatpushWebhookEvent {
  const parsed = WebhookEventSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where(block)}\n${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  return parsed.data;
}

describe.each(Object.entries(EXPECTED))('§5.3 webhook payloads printed in seed %s', (seed, expected) => {
  const valid = webhookBlocks(seed).flatMap((block) => {
    const parsed = parseJson(unwrap(block.text));
    return parsed.ok ? [{ block, raw: parsed.value as { type: string; payload: Record<string, unknown> } }] : [];
  });

  it(`finds exactly ${expected.length} valid-JSON blocks, and each reads as its type, variant, customer and delivery`, () => {
    expect(valid.map(({ raw }) => raw.type)).toEqual(expected.map(([type]) => type));
    valid.forEach(({ block, raw }, index) => {
      const [type, variant, customerId, deliveryId] = expected[index]!;
      const event = readEvent(block, raw);
      expect({ type: event.type, variant: event.variant, customerId: event.customerId }, where(block)).toEqual({ type, variant, customerId });
      expect('delivery_id' in raw.payload, where(block)).toBe(deliveryId !== 'absent');
      expect(event.deliveryId, where(block)).toBe(deliveryId === 'absent' ? null : deliveryId);
      // The folder says which variant the docs mean; only the one ⚠ example above disagrees.
      if (block.folderPath.some((name) => /individual/i.test(name))) expect(event.variant).toBe('individual');
    });
  });

  it('whatsapp_incoming_msg: the typed message agrees with §5.3 (id prefix = direction, THISISBOT = sent by the service)', () => {
    const messages = valid.filter(({ raw }) => raw.type === 'whatsapp_incoming_msg').map(({ block, raw }) => ({ block, event: readEvent(block, raw) }));
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const { block, event } of messages) {
      const message = event.message!;
      expect(message, where(block)).not.toBeNull();
      expect(message.id.startsWith(message.direction === 'outgoing' ? 'true_' : 'false_'), where(block)).toBe(true);
      expect(message.id.endsWith('THISISBOT'), where(block)).toBe(event.deliveryId !== null);
      expect(message.chatId, where(block)).toMatch(/@c\.us$/);
      expect(message.chatLid, where(block)).toMatch(/@lid$/);
      // Outgoing copies name the recipient; incoming ones do not.
      expect(message.recipientPhone !== null, where(block)).toBe(message.direction === 'outgoing');
      if (message.type === 'text') expect(message.text, where(block)).toMatch(/\S/);
      else expect(message.file?.downloadUrl, where(block)).toMatch(/^https:\/\//);
    }
  });
});

/**
 * The blocks the docs print as invalid JSON (§12: log_out, message_status and the tdlib file example; the tdlib_call
 * fragment has no opening brace). Only the printing faults are repaired — a missing comma between members, a
 * trailing comma, a missing opening brace, surplus closing braces (log_out) — so the message_status examples, which
 * are never valid, are read too.
 */
function repaired(text: string): string {
  let fixed = text.replace(/("|\d|true|false|null|[}\]])(\s*\n\s*)(?=")/g, '$1,$2').replace(/,(\s*[}\]])/g, '$1');
  if (/^\s*"payload"/.test(fixed)) fixed = `{${fixed}`;
  const outsideStrings = fixed.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  let surplus = (outsideStrings.match(/}/g) ?? []).length - (outsideStrings.match(/{/g) ?? []).length;
  while (surplus-- > 0) fixed = fixed.replace(/}\s*$/, '');
  return unwrap(fixed);
}

describe('§5.3 webhook payloads printed as invalid JSON, with the printing faults repaired', () => {
  const broken = ['000', '001'].flatMap((seed) =>
    webhookBlocks(seed)
      .filter((block) => !parseJson(unwrap(block.text)).ok)
      .map((block) => ({ seed, block, fixed: parseJson(repaired(block.text)) })),
  );

  it('repairs all but the tdlib file example, whose download URL is cut off mid-string', () => {
    expect(broken).toHaveLength(9);
    const unreadable = broken.filter(({ fixed }) => !fixed.ok);
    expect(unreadable.map(({ seed, block }) => `${seed} ${block.folderPath.join(' / ')}`)).toEqual(['001 For individual Developers / Webhooks']);
    expect(unreadable[0]!.block.text).toContain('"type": "tdlib_incoming_msg"');
  });

  it('reads log_out (no `instance` even for developers), the tdlib_call fragment and both message_status readings', () => {
    const events = broken.flatMap(({ seed, block, fixed }) => (fixed.ok ? [{ seed, block, event: readEvent(block, fixed.value) }] : []));
    expect(events.map(({ seed, event }) => [seed, event.type, event.variant, event.customerId])).toEqual([
      ['000', 'whatsapp_log_out', 'individual', 591],
      ['000', 'tdlib_call', 'developer', 1011],
      ['000', 'message_status', 'developer', 111],
      ['001', 'whatsapp_log_out', 'individual', 591],
      ['001', 'message_status', 'individual', 1024],
      ['001', 'whatsapp_log_out', 'individual', 591],
      ['001', 'tdlib_call', 'developer', 1011],
      ['001', 'message_status', 'developer', 111],
    ]);
    for (const { event } of events.filter(({ event }) => event.type === 'whatsapp_log_out')) {
      expect(event.session).toEqual({ statusId: 1, description: 'disconnected' });
    }
    const statuses = events.filter(({ event }) => event.type === 'message_status').map(({ event }) => event);
    // The developer reading: {id, status, chat_id, chat_lid}, no timestamp or chat_phone.
    expect(statuses[0]!.messageStatus).toEqual({
      id: 'true_995555123456@c.us_8110THISISBOT',
      status: 'read',
      chatId: '995555123456@c.us',
      chatLid: '4846447809351@lid',
      chatPhone: null,
      timestampMs: null,
    });
    // The individual reading adds the timestamp in milliseconds and chat_phone.
    expect(statuses[1]!.messageStatus).toEqual({
      id: 'true_995555123456@c.us_3A2E74ED29DF9BAB114E',
      status: 'received',
      chatId: '995555123456@c.us',
      chatLid: '4846447809351@lid',
      chatPhone: '995555123456',
      timestampMs: 1751290217609,
    });
    for (const event of statuses) expect(event.deliveryId).toBeNull();
  });
});

describe('the schema is strict where §5.3 is clear', () => {
  const base = { type: 'message_status', payload: { customer_id: 1024, delivery_id: null } };
  it('refuses a message_status without message_status, or one without an id or status', () => {
    expect(WebhookEventSchema.safeParse(base).success).toBe(false);
    expect(WebhookEventSchema.safeParse({ ...base, payload: { ...base.payload, message_status: { status: 'read', chat_id: '1@c.us' } } }).success).toBe(false);
    expect(WebhookEventSchema.safeParse({ ...base, payload: { ...base.payload, message_status: { id: 'x', chat_id: '1@c.us' } } }).success).toBe(false);
    expect(WebhookEventSchema.safeParse({ ...base, payload: { ...base.payload, message_status: { id: 'x', status: 'read' } } }).success).toBe(true);
  });

  it('refuses a whatsapp_incoming_msg without new_message, or with a direction §5.3 does not name', () => {
    const message = { id: 'false_1@c.us_A', timestamp: 1, type: 'text', text: 'hi', reply_to_message_id: null };
    const incoming = { message, direction: 'incoming', sender_id: '1@c.us', chat_id: '1@c.us' };
    const event = (newMessage: unknown) => ({ type: 'whatsapp_incoming_msg', payload: { customer_id: 1, delivery_id: null, new_message: newMessage } });
    expect(WebhookEventSchema.safeParse(event(incoming)).success).toBe(true);
    expect(WebhookEventSchema.safeParse(event(undefined)).success).toBe(false);
    expect(WebhookEventSchema.safeParse(event({ ...incoming, direction: 'sideways' })).success).toBe(false);
  });

  it('reads chat_phone as the table types it (integer) and as the examples send it (string)', () => {
    const status = (chatPhone: unknown) => ({ ...base, payload: { ...base.payload, message_status: { id: 'x', status: 'read', chat_id: '1@c.us', chat_phone: chatPhone } } });
    expect(WebhookEventSchema.parse(status(995555123456)).messageStatus?.chatPhone).toBe('995555123456');
    expect(WebhookEventSchema.parse(status('995555123456')).messageStatus?.chatPhone).toBe('995555123456');
  });
});
