import type { Prng } from '../prng';

/** specs/greenapi.md §4; `null` is the whole getStateInstance body while the instance is being created (§2.3). */
export type GreenApiStateValue = 'authorized' | 'notAuthorized' | 'blocked' | 'sleepMode' | 'starting' | 'yellowCard';

export interface GreenApiInstanceRecord {
  idInstance: string;
  apiTokenInstance: string;
  label: string;
  state: GreenApiStateValue | null;
  /** getSettings keys, with "yes"/"no" strings (§2.1). */
  settings: Record<string, string | number>;
}

export interface GreenApiWorld {
  instances: GreenApiInstanceRecord[];
  /**
   * The error body format is a doc gap (§14.22): the documented identifier strings as plain text, or wrapped
   * in `{"message": …}`.
   */
  errorFormat: 'text' | 'json';
}

/** Every getSettings key, off, as a new instance has them (§2.2: "all settings are off by default"). */
function defaultGreenApiSettings(wid: string): Record<string, string | number> {
  return {
    wid,
    countryInstance: '',
    typeAccount: '',
    webhookUrl: '',
    webhookUrlToken: '',
    delaySendMessagesMilliseconds: 5000,
    markIncomingMessagesReaded: 'no',
    markIncomingMessagesReadedOnReply: 'no',
    sharedSession: 'no',
    outgoingWebhook: 'no',
    outgoingMessageWebhook: 'no',
    outgoingAPIMessageWebhook: 'no',
    incomingWebhook: 'no',
    deviceWebhook: 'no',
    statusInstanceWebhook: 'no',
    stateWebhook: 'no',
    enableMessagesHistory: 'no',
    keepOnlineStatus: 'no',
    pollMessageWebhook: 'no',
    incomingBlockWebhook: 'no',
    incomingCallWebhook: 'no',
  };
}

export function greenApiWorld(prng: Prng): GreenApiWorld {
  const plan: { label: string; state: GreenApiStateValue | null }[] = [
    { label: 'Main line', state: 'authorized' },
    { label: 'Backup phone', state: 'notAuthorized' },
    { label: 'Rebooting', state: 'starting' },
    // §2.3 / 1.3.13: getStateInstance answers the body `null` while the instance is being created.
    { label: 'Just ordered', state: null },
  ];
  let id = 1101_000_000 + prng.int(0, 899_999);
  const instances = plan.map(({ label, state }) => {
    id += prng.int(1, 5000);
    const wid = state === 'authorized' ? `7${prng.int(900_000_0000, 999_999_9999)}@c.us` : '';
    const settings = defaultGreenApiSettings(wid);
    if (state === 'authorized') {
      Object.assign(settings, {
        webhookUrl: 'https://crm.example.com/webhook/green-api/',
        incomingWebhook: 'yes',
        outgoingWebhook: 'yes',
        stateWebhook: 'yes',
      });
    }
    // The doc's URL examples carry 50 hex characters (§1).
    return { idInstance: String(id), apiTokenInstance: prng.hex(50), label, state, settings };
  });
  return { instances, errorFormat: 'text' };
}
