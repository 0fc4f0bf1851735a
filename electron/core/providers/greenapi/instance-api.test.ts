import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../redactor';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { instantRetry } from '../test-support';
import { GreenApiInstanceApi } from './instance-api';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9 });
});
afterAll(() => sandbox.close());

const api = (index: number) =>
  new GreenApiInstanceApi(
    { apiUrl: sandbox.urls.greenapi.apiUrl, mediaUrl: sandbox.urls.greenapi.mediaUrl, ...sandbox.demo.greenapi[index]! },
    { redactor: new Redactor(), retry: instantRetry().retry },
  );

describe('GreenApiInstanceApi', () => {
  it('getSettings reads the seeded settings', async () => {
    const settings = await api(0).getSettings();
    expect(settings).toMatchObject({ incomingWebhook: 'yes', stateWebhook: 'yes', markIncomingMessagesReaded: 'no' });
    expect(settings.wid).toMatch(/@c\.us$/);
  });

  it('getSettings accepts the example spelling markIncomingMessagesRead(OnReply) (§2.1 contradiction)', async () => {
    sandbox.faults.inject('greenapi', {
      kind: 'status',
      status: 200,
      times: 1,
      body: { wid: '', markIncomingMessagesRead: 'yes', markIncomingMessagesReadOnReply: 'no', delaySendMessagesMilliseconds: 5000 },
    });
    const settings = await api(1).getSettings();
    expect(settings.markIncomingMessagesReaded).toBe('yes');
    expect(settings.markIncomingMessagesReadedOnReply).toBe('no');
    expect(settings).not.toHaveProperty('markIncomingMessagesRead');
  });

  it('getStateInstance maps values outside §4 to unknown and keeps the raw value', async () => {
    sandbox.state.greenapi.instances[2]!.state = 'yellowCard';
    expect(await api(2).getStateInstance()).toEqual({ state: 'yellowCard', raw: 'yellowCard' });
    sandbox.faults.inject('greenapi', { kind: 'status', status: 200, times: 1, body: { stateInstance: 'somethingNew' } });
    expect(await api(2).getStateInstance()).toEqual({ state: 'unknown', raw: 'somethingNew' });
    expect(await api(3).getStateInstance()).toEqual({ state: 'creating', raw: null });
  });
});
