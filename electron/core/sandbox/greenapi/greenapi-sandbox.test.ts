import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SandboxClock } from '../clock';
import { startSandbox, type Sandbox } from '../sandbox';
import { Agenda } from './agenda';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 41 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});

const demo = (index: number) => sandbox.demo.greenapi[index]!;
const url = (index: number, method: string, host: 'apiUrl' | 'mediaUrl' = 'apiUrl') =>
  `${sandbox.urls.greenapi[host]}/waInstance${demo(index).idInstance}/${method}/${demo(index).apiTokenInstance}`;
const post = (target: string, body: unknown, raw = false) =>
  fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: raw ? String(body) : JSON.stringify(body) });

describe('GREEN-API sandbox routing (§14.1–2)', () => {
  it('OPTIONS 204; mixed-case method names; the same routes on the media host', async () => {
    expect((await fetch(url(0, 'getSettings'), { method: 'OPTIONS' })).status).toBe(204);
    expect(await (await fetch(url(0, 'GetStateInstance', 'mediaUrl'))).json()).toEqual({ stateInstance: 'authorized' });
    expect((await fetch(url(0, 'SETTINGS'))).status).toBe(404);
    expect((await fetch(url(0, 'getSettings'), { method: 'POST' })).status).toBe(404);
  });

  it('notification endpoints check their own parameters: 400 for a non-integer idInstance or a missing token', async () => {
    const base = sandbox.urls.greenapi.apiUrl;
    const notInteger = await fetch(`${base}/waInstanceabc/receiveNotification/${demo(1).apiTokenInstance}`);
    expect([notInteger.status, await notInteger.text()]).toEqual([400, 'Parameter idInstance not an integer']);
    const noToken = await fetch(`${base}/waInstance${demo(1).idInstance}/receiveNotification`);
    expect([noToken.status, await noToken.text()]).toEqual([400, 'Parameter apiTokenInstance not define']);
    const badReceipt = await fetch(`${url(1, 'deleteNotification')}/abc`, { method: 'DELETE' });
    expect([badReceipt.status, await badReceipt.text()]).toEqual([500, 'Internal Server Error Parameter receiptId must be a Number!']);
  });

  it('the request log masks the token wherever it sits in the path', async () => {
    await fetch(`${sandbox.urls.greenapi.apiUrl}/waInstance/${demo(0).idInstance}/setSettings/${demo(0).apiTokenInstance}`, { method: 'POST' });
    await fetch(`${url(1, 'deleteNotification')}/123`, { method: 'DELETE' });
    const logged = JSON.stringify(sandbox.requests.list('greenapi'));
    expect(logged).not.toContain(demo(0).apiTokenInstance);
    expect(logged).not.toContain(demo(1).apiTokenInstance);
    expect(sandbox.requests.list('greenapi').at(-1)!.path).toBe(`/waInstance${demo(1).idInstance}/deleteNotification/••••/123`);
  });
});

describe('GREEN-API sandbox validation, worded as the document words it (§8.3)', () => {
  // Raw requests fired back to back to read each refusal's wording: §8.2's per-second limit would answer 429 first.
  beforeAll(() => {
    sandbox.state.greenapi.enforceRateLimits = false;
  });
  afterAll(() => {
    sandbox.state.greenapi.enforceRateLimits = true;
  });

  it('sendMessage', async () => {
    const send = async (body: unknown, raw = false) => {
      const answer = await post(url(0, 'sendMessage'), body, raw);
      return [answer.status, await answer.text()];
    };
    expect(await send({ chatId: '79001234567', message: 'x' })).toEqual([
      400,
      "Validation failed. Details: 'chatId' must be one of the next formats: 'phone_number@c.us' or 'group_id@g.us",
    ]);
    expect(await send({ chatId: '79001234567@c.us' })).toEqual([400, "Validation failed. Details: 'message' is required"]);
    expect(await send({ chatId: '79001234567@c.us', message: 5 })).toEqual([400, "Validation failed. Details: 'message' must be a string"]);
    expect(await send({ chatId: '79001234567@c.us', message: '' })).toEqual([400, "Validation failed. Details: 'message' is not allowed to be empty"]);
    expect(await send({ chatId: '79001234567@c.us', message: 'x'.repeat(20_001) })).toEqual([
      400,
      "Validation failed. Details: 'message' length must be less than or equal to 20000 characters long",
    ]);
    expect(await send({ chatId: '79001234567@c.us', message: 'x', wrongFieldName: 1 })).toEqual([400, "Validation failed. Details: 'wrongFieldName' is not allowed"]);
    expect(await send({ chatId: '79001234567@c.us', message: 'x', linkPreview: 'yes' })).toEqual([400, "Validation failed. Details: 'linkPreview' must be a boolean"]);
    expect(await send({ chatId: '79001234567@c.us', message: 'x'.repeat(101 * 1024) })).toEqual([500, 'request entity too large']);
    expect(await send('{"chatId": }', true)).toEqual([400, 'Unexpected token } in JSON at position 11']);
    const ok = await post(url(0, 'sendMessage'), { chatId: '79001234567@c.us', message: 'x', quotedMessageId: 'not-a-real-id' });
    expect(ok.status).toBe(200);
    await fetch(url(0, 'clearMessagesQueue'));
  });

  it('setSettings: an empty body, a value out of range, an unknown key', async () => {
    const set = async (body: unknown) => {
      const answer = await post(url(1, 'setSettings'), body);
      return [answer.status, await answer.text()];
    };
    expect(await set({})).toEqual([400, 'Bad Request Validation failed']);
    expect(await set({ delaySendMessagesMilliseconds: 499 })).toEqual([400, "Validation failed. Details: 'delaySendMessagesMilliseconds' must be greater than or equal to 500"]);
    expect(await set({ delaySendMessagesMilliseconds: 86_400_001 })).toEqual([
      400,
      "Validation failed. Details: 'delaySendMessagesMilliseconds' must be less than or equal to 86400000",
    ]);
    expect(await set({ incomingWebhook: true })).toEqual([400, "Validation failed. Details: 'incomingWebhook' must be a string"]);
    expect(await set({ statusInstanceChangedWebhook: 'yes' })).toEqual([400, "Validation failed. Details: 'statusInstanceChangedWebhook' is not allowed"]);
  });

  it('getAuthorizationCode, getMessage, getChatHistory, setProfilePicture', async () => {
    sandbox.controls.greenapi.setState(demo(1).idInstance, 'notAuthorized');
    const code = async (body: unknown) => {
      const answer = await post(url(1, 'getAuthorizationCode'), body);
      return [answer.status, await answer.text()];
    };
    expect(await code({})).toEqual([400, 'Bad Request Validation failed']);
    expect(await code({ phoneNumber: '+441234567890' })).toEqual([400, "Validation failed. Details: Wrong format. 'phoneNumber' must contain only digits"]);

    const journal = async (method: string, body: unknown) => {
      const answer = await post(url(0, method), body);
      return [answer.status, await answer.text()];
    };
    expect(await journal('getMessage', { chatId: '79001234567@c.us', idMessage: '' })).toEqual([400, "Validation failed. Details: 'idMessage' is not allowed to be empty"]);
    expect(await journal('getMessage', { chatId: '79001234567@c.us', idMessage: 'BAE5F4886F6F2D0' })).toEqual([400, "Validation failed. Details: 'message id' must be at least 16 symbols"]);
    expect(await journal('getChatHistory', { chatId: '79001234567@c.us', count: 'ten' })).toEqual([400, "Bad Request Validation failed. Details: 'count' must be a number"]);

    const picture = async (type: string, content: string) => {
      const form = new FormData();
      form.append('file', new Blob([content], { type }), type === 'image/jpeg' ? 'a.jpg' : 'a.png');
      const answer = await fetch(url(0, 'setProfilePicture', 'mediaUrl'), { method: 'POST', body: form });
      return [answer.status, await answer.text()];
    };
    expect(await picture('image/jpeg', '')).toEqual([400, 'File is empty']);
    expect(await picture('image/png', 'PNG')).toEqual([400, 'Unsupported media type']);
  });
});

describe('GREEN-API sandbox world', () => {
  it('seeds ten thousand instances cheaply; each answers at once, and a new one is `null` for the creation window', async () => {
    const before = sandbox.state.greenapi.instances.length;
    const added = sandbox.controls.greenapi.seedInstances(10_000);
    expect(sandbox.state.greenapi.instances).toHaveLength(before + 10_000);
    expect(new Set(added.map((entry) => entry.idInstance)).size).toBe(10_000);
    const last = added.at(-1)!;
    const answer = await fetch(`${sandbox.urls.greenapi.apiUrl}/waInstance${last.idInstance}/getStateInstance/${last.apiTokenInstance}`);
    expect(await answer.json()).toEqual({ stateInstance: 'notAuthorized' });

    const [creating] = sandbox.controls.greenapi.seedInstances(1, { state: null });
    const state = () => fetch(`${sandbox.urls.greenapi.apiUrl}/waInstance${creating!.idInstance}/getStateInstance/${creating!.apiTokenInstance}`).then((r) => r.text());
    expect(await state()).toBe('null');
    const settings = await fetch(`${sandbox.urls.greenapi.apiUrl}/waInstance${creating!.idInstance}/getSettings/${creating!.apiTokenInstance}`);
    expect([settings.status, await settings.text()]).toEqual([400, 'instance in starting process try later']);
    sandbox.clock.advance(sandbox.state.greenapi.timings.creatingWindowMs);
    expect(await state()).toBe('{"stateInstance":"notAuthorized"}');
  });
});

describe('Agenda (the simulator\'s one timer)', () => {
  it('runs entries in time order when the clock is advanced, skips cancelled ones, and releases waiters on close', async () => {
    const clock = new SandboxClock();
    const agenda = new Agenda(clock);
    const ran: string[] = [];
    agenda.after(3000, () => ran.push('c'));
    agenda.after(1000, () => {
      ran.push('a');
      agenda.after(500, () => ran.push('b'));
    });
    const cancel = agenda.after(2000, () => ran.push('never'));
    cancel();
    clock.advance(5000);
    expect(ran).toEqual(['a', 'b', 'c']);
    const waiting = agenda.until(clock.now() + 60_000);
    agenda.close();
    expect(await waiting).toBe(false);
  });
});
