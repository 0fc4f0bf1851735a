import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import type { Fault } from '../../sandbox/faults';
import { greenApiKit, JPEG_BYTES } from './greenapi-test-kit';
import type { GreenApiInstanceApi } from './instance-api';
import { openQrSocket } from './qr-socket';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 36 });
});
afterAll(() => sandbox.close());

/** Every client operation once. */
const operations: [string, (api: GreenApiInstanceApi) => Promise<unknown>][] = [
  ['getStateInstance', (api) => api.getStateInstance()],
  ['getSettings', (api) => api.getSettings()],
  ['setSettings', (api) => api.setSettings({ stateWebhook: 'yes' })],
  ['reboot', (api) => api.reboot()],
  ['logout', (api) => api.logout()],
  ['qr', (api) => api.qr()],
  ['getAuthorizationCode', (api) => api.getAuthorizationCode('79001234567')],
  ['getWaSettings', (api) => api.getWaSettings()],
  ['setProfilePicture', (api) => api.setProfilePicture({ bytes: JPEG_BYTES })],
  ['receiveNotification', (api) => api.receiveNotification()],
  ['deleteNotification', (api) => api.deleteNotification(1)],
  ['getMessage', (api) => api.getMessage({ chatId: '79001234567@c.us', idMessage: 'BAE5F4886F6F2D05' })],
  ['getChatHistory', (api) => api.getChatHistory({ chatId: '79001234567@c.us' })],
  ['lastIncomingMessages', (api) => api.lastIncomingMessages()],
  ['lastOutgoingMessages', (api) => api.lastOutgoingMessages()],
  ['showMessagesQueue', (api) => api.showMessagesQueue()],
  ['clearMessagesQueue', (api) => api.clearMessagesQueue()],
  ['sendMessage', (api) => api.sendMessage({ chatId: '79001234567@c.us', message: 'canary' })],
];

const faults: Fault[] = [
  { kind: 'status', status: 401 },
  { kind: 'status', status: 400, body: 'Validation failed. Details: something' },
  { kind: 'status', status: 466 },
  { kind: 'status', status: 429, retryAfter: 120 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 499 },
  { kind: 'html', status: 502 },
  { kind: 'notJson' },
  { kind: 'truncated', mode: 'drop' },
  { kind: 'reset' },
  { kind: 'status', status: 200, body: { stateInstance: 42, receiptId: 'x', result: 'maybe' } },
];

describe('the instance token never appears in an error, a log line or a recorded request (canary)', () => {
  it('across every operation, in success and under every fault', async () => {
    const kit = greenApiKit(sandbox);
    const token = sandbox.demo.greenapi[0]!.apiTokenInstance;
    sandbox.controls.greenapi.setState(sandbox.demo.greenapi[0]!.idInstance, 'authorized');
    const seen: string[] = [];
    const record = (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      seen.push(appError.message, JSON.stringify(appError.toShape()), String(appError.stack));
    };
    for (const fault of [undefined, ...faults]) {
      for (const [name, operation] of operations) {
        sandbox.faults.clear();
        if (fault) sandbox.faults.inject('greenapi', fault);
        await operation(kit.client(0)).then(
          () => undefined,
          (error: unknown) => record(error),
        );
        void name;
      }
    }
    sandbox.faults.clear();
    // A wrong token is a secret too: the one the user typed.
    const typo = `${token.slice(0, 49)}0`;
    for (const [, operation] of operations) await operation(kit.client({ idInstance: sandbox.demo.greenapi[0]!.idInstance, apiTokenInstance: typo })).catch(record);
    const socket = openQrSocket({ ...kit.credentials(0), apiTokenInstance: typo }, { redactor: kit.redactor, logger: kit.logger, sleep: kit.sleep });
    socket.on((event) => event.type === 'failed' && record(event.error));
    await socket.ended;

    expect(seen.length).toBeGreaterThan(operations.length * faults.length);
    const everything = [...seen, ...kit.logger.lines, JSON.stringify(sandbox.requests.list())].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(typo);
    expect(everything).toContain('GREEN-API');
  });
});
