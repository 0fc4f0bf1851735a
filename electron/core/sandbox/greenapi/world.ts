import type { Prng } from '../prng';

/** specs/greenapi.md §4; `null` is the whole getStateInstance body while the instance is being created (§2.3). */
export type GreenApiStateValue = 'authorized' | 'notAuthorized' | 'blocked' | 'sleepMode' | 'starting' | 'yellowCard';

export interface GreenApiInstanceRecord {
  idInstance: string;
  apiTokenInstance: string;
  label: string;
  state: GreenApiStateValue | null;
  /** getSettings keys, with "yes"/"no" strings (§2.1), as applied. */
  settings: Record<string, string | number>;
  /** §8.1: the free Developer tariff has monthly quotas and 3 chats; Business has neither. */
  tariff: 'business' | 'developer';
  /** §8.3: every call of a deleted or expired instance answers 400. */
  lifecycle: 'active' | 'deleted' | 'expired';
  /** The linked WhatsApp number (digits), empty while not authorized. */
  phone: string;
  /** §2.11 getWaSettings `avatar`, set by setProfilePicture. */
  avatar: string;
  /** §2.7: auth data exists but is unusable — qr answers "Instance has auth. You need to make log out". */
  staleAuth: boolean;
}

/**
 * Durations of the simulated service, in sandbox-clock milliseconds: tests shrink them or advance the clock; the
 * defaults follow the document where it gives a figure.
 */
export interface GreenApiTimings {
  /** §14.4: getStateInstance answers `null` this long after an instance is created (doc: 2–5 minutes). */
  creatingWindowMs: number;
  /** §2.2: setSettings restarts the instance; it shows `starting` this long (doc-gap). */
  restartMs: number;
  /** §2.2: "settings take effect within 5 minutes". 0 applies them at once. */
  settingsApplyDelayMs: number;
  /** §2.5 reboot: `starting` this long (doc-gap). */
  rebootMs: number;
  /** §2.7: "the QR code refreshes every 20 seconds". */
  qrRefreshMs: number;
  /** §2.8: "the scan timeout is 100 seconds". */
  qrSocketTimeoutMs: number;
  /** §2.9: a pairing code is valid about 2.5 minutes. */
  pairingCodeTtlMs: number;
  /** §2.9: "getting the code can take up to 30 seconds". */
  pairingCodeDelayMs: number;
  /** §6: journal entries appear up to 2 minutes late. */
  journalLagMs: number;
  /** After `sent`, a message is `delivered` … */
  deliveredAfterMs: number;
  /** … and `read`. */
  readAfterMs: number;
  /** §5.2: GREEN-API waits 180 s for the webhook's answer … */
  webhookResponseTimeoutMs: number;
  /** … and retries the same notification 60 s after a failure. */
  webhookRetryDelayMs: number;
  /** §5.1/§5.2: notifications and queued sends are kept 24 h. */
  retentionMs: number;
}

export const DEFAULT_GREENAPI_TIMINGS: GreenApiTimings = {
  creatingWindowMs: 120_000,
  restartMs: 1_000,
  settingsApplyDelayMs: 0,
  rebootMs: 1_000,
  qrRefreshMs: 20_000,
  qrSocketTimeoutMs: 100_000,
  pairingCodeTtlMs: 150_000,
  pairingCodeDelayMs: 0,
  journalLagMs: 0,
  deliveredAfterMs: 2_000,
  readAfterMs: 5_000,
  webhookResponseTimeoutMs: 180_000,
  webhookRetryDelayMs: 60_000,
  retentionMs: 86_400_000,
};

export interface GreenApiWorld {
  instances: GreenApiInstanceRecord[];
  /**
   * The error body format is a doc gap (§14.22): the documented identifier strings as plain text, wrapped in
   * `{"message": …}`, or as `{"code", "description"}`.
   */
  errorFormat: 'text' | 'json' | 'description';
  /** §13.1: getSettings spells `markIncomingMessagesReaded(OnReply)` (the table) or `…Read(OnReply)` (the example). */
  settingsSpelling: 'table' | 'example';
  /**
   * §8.2 per-instance, per-method RPS limits answering 429, as the real service does. On by default: the console's
   * own limiter (providers/greenapi/rate-limiter.ts) must keep every caller under them. Tests that deliberately fire
   * instant repeats (a burst of raw requests, a virtual-time retry) switch it off for themselves.
   */
  enforceRateLimits: boolean;
  timings: GreenApiTimings;
  /** What WhatsApp makes of a recipient (§5.3): no account, or a group the sender is not in. Others receive. */
  recipients: Record<string, 'noAccount' | 'notInGroup'>;
  /** Seeds the ids the running simulator makes up (idMessage, receiptId, pairing codes). */
  runtimeSeed: number;
}

/** Every getSettings key, off, as a new instance has them (§2.2: "all settings are off by default"). */
export function defaultGreenApiSettings(wid: string): Record<string, string | number> {
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

/** A WhatsApp number for a simulated account. */
export function simulatedPhone(prng: Prng): string {
  return `7${prng.int(900_000_0000, 999_999_9999)}`;
}

/** One instance record; cheap enough to make ten thousand of (no timers, no images). */
export function greenApiInstanceRecord(
  prng: Prng,
  idInstance: string,
  label: string,
  state: GreenApiStateValue | null,
  tariff: GreenApiInstanceRecord['tariff'] = 'business',
): GreenApiInstanceRecord {
  const phone = state === 'authorized' ? simulatedPhone(prng) : '';
  return {
    idInstance,
    // The doc's URL examples carry 50 hex characters (§1).
    apiTokenInstance: prng.hex(50),
    label,
    state,
    settings: defaultGreenApiSettings(phone ? `${phone}@c.us` : ''),
    tariff,
    lifecycle: 'active',
    phone,
    avatar: '',
    staleAuth: false,
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
    const record = greenApiInstanceRecord(prng, String(id), label, state);
    if (state === 'authorized') {
      Object.assign(record.settings, {
        webhookUrl: 'https://crm.example.com/webhook/green-api/',
        incomingWebhook: 'yes',
        outgoingWebhook: 'yes',
        stateWebhook: 'yes',
      });
    }
    return record;
  });
  return {
    instances,
    errorFormat: 'text',
    settingsSpelling: 'table',
    enforceRateLimits: true,
    timings: { ...DEFAULT_GREENAPI_TIMINGS },
    recipients: {},
    runtimeSeed: prng.int(1, 2 ** 31 - 1),
  };
}
