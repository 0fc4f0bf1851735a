import { describe, expect, it } from 'vitest';
import { perTestCores } from '../../testing/per-test-cores';

const cores = perTestCores();

/** A core with a GREEN-API account of the first two demo instances and a Chat2Desk account, against its own sandbox. */
const setUp = () =>
  cores.withAccounts({
    greenapi: (draft) => ({ ...draft, instances: draft.instances.slice(0, 2) }),
    chat2desk: true,
  });

describe('GREEN-API and Chat2Desk deliveries against the sandbox', () => {
  it('GREEN-API: a test send is found by getMessage and in the outgoing journal; a queue is shown and cleared', async () => {
    const { core, greenapi } = await setUp();
    const authorized = { accountId: greenapi.id, instanceId: greenapi.instances[0]!.id };
    const { idMessage } = await core.call('deliveries.greenapiSend', { ...authorized, chatId: '79001234567@c.us', message: 'Test from Switchboard', linkPreview: false });
    await expect.poll(async () => (await core.callRaw('deliveries.greenapiMessage', { ...authorized, chatId: '79001234567@c.us', idMessage })).ok, { timeout: 15_000 }).toBe(true);
    const entry = await core.call('deliveries.greenapiMessage', { ...authorized, chatId: '79001234567@c.us', idMessage });
    expect(entry).toMatchObject({ idMessage, type: 'outgoing', textMessage: 'Test from Switchboard', sendByApi: true });
    const outgoing = await core.call('deliveries.greenapiOutgoing', { ...authorized, minutes: 60 });
    expect(outgoing.map((item: { idMessage: string }) => item.idMessage)).toContain(idMessage);

    const offline = { accountId: greenapi.id, instanceId: greenapi.instances[1]!.id };
    const queued = await core.call('deliveries.greenapiSend', { ...offline, chatId: '79001234567@c.us', message: 'Waits for the phone', linkPreview: true });
    const queue = await core.call('deliveries.greenapiQueue', offline);
    expect(queue).toContainEqual({ type: 'sendMessage', messageIds: [queued.idMessage], chatId: '79001234567@c.us', message: 'Waits for the phone' });
    expect(await core.call('deliveries.greenapiClearQueue', offline)).toEqual({ isCleared: true });
    expect(await core.call('deliveries.greenapiQueue', offline)).toEqual([]);
  });

  it('Chat2Desk: a message by id with its delivery status, and lists filtered by client, channel and type', async () => {
    const { core, sandbox, chat2desk } = await setUp();
    const accountId = chat2desk.id;
    const channels = await core.call('deliveries.chatDeskChannels', { accountId });
    expect(channels.length).toBe(sandbox.state.chat2desk.channels.length);
    const all = await core.call('deliveries.chatDeskMessages', { accountId, filter: {} });
    expect(all.messages.length).toBeGreaterThan(0);
    const sample = all.messages[0];
    expect(await core.call('deliveries.chatDeskMessage', { accountId, messageId: sample.id })).toMatchObject({ id: sample.id, type: sample.type });
    const byClient = await core.call('deliveries.chatDeskMessages', { accountId, filter: { clientId: sample.clientId, type: sample.type, channelId: sample.channelId } });
    expect(byClient.messages.every((m: { clientId: number; type: string; channelId: number }) => m.clientId === sample.clientId && m.type === sample.type && m.channelId === sample.channelId)).toBe(true);
    expect(await core.callRaw('deliveries.chatDeskMessage', { accountId, messageId: 999_999_999 })).toMatchObject({ ok: false, error: { code: 'provider_not_found' } });
  });

  it('Chat2Desk: a date filter keeps the messages from the start day to the end of the finish day, and sends both dates', async () => {
    const { core, sandbox, chat2desk } = await setUp();
    const accountId = chat2desk.id;
    type Listed = { id: number; created: string | null; clientId: number | null };
    const all: Listed[] = (await core.call('deliveries.chatDeskMessages', { accountId, filter: { limit: 200 } })).messages;
    // A8 `created` is "2023-11-13T09:52:17 UTC": the day is its first ten characters.
    const dayOf = (message: Listed) => message.created!.slice(0, 10);
    const days = [...new Set(all.map(dayOf))].sort();
    expect(days.length).toBeGreaterThan(3);
    const [from, to] = [days[1]!, days[2]!];
    const expected = (first: string, last: string) => all.filter((m) => dayOf(m) >= first && dayOf(m) <= last).map((m) => m.id).sort((a, b) => a - b);
    const ids = async (filter: object) =>
      ((await core.call('deliveries.chatDeskMessages', { accountId, filter: { ...filter, limit: 200 } })).messages as Listed[]).map((m) => m.id).sort((a, b) => a - b);

    sandbox.requests.clear();
    const inRange = await ids({ startDate: from, finishDate: to });
    expect(inRange).toEqual(expected(from, to));
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(all.length);
    const query = new URL(sandbox.requests.list('chat2desk').at(-1)!.path, 'http://sandbox').searchParams;
    expect([query.get('start_date'), query.get('finish_date')]).toEqual([from, to]);

    // One day: the finish day is included whole; a start date alone runs to the newest message.
    expect(await ids({ startDate: from, finishDate: from })).toEqual(expected(from, from));
    expect(await ids({ startDate: to })).toEqual(expected(to, days.at(-1)!));
    // With other filters, every one applies.
    const sample = all.find((m) => dayOf(m) === from)!;
    const filter = { startDate: from, finishDate: to, clientId: sample.clientId, limit: 200 };
    const both: Listed[] = (await core.call('deliveries.chatDeskMessages', { accountId, filter })).messages;
    expect(both.map((m) => m.id)).toContain(sample.id);
    expect(both.every((m) => m.clientId === sample.clientId && dayOf(m) >= from && dayOf(m) <= to)).toBe(true);
  });
});
