/**
 * GREEN-API's notification switches and the combinations its documents require (specs/greenapi.md §3 "Required
 * combinations", §5.3). Plain data and one pure function, so every screen that edits these settings (Webhooks,
 * Settings) warns about the same things in the same way. The words are the renderer's, keyed by `rule`.
 */
export const GREENAPI_NOTIFICATION_SWITCHES = [
  'incomingWebhook',
  'outgoingWebhook',
  'outgoingMessageWebhook',
  'outgoingAPIMessageWebhook',
  'stateWebhook',
  'pollMessageWebhook',
  'incomingCallWebhook',
  'keepOnlineStatus',
  'deviceWebhook',
  'incomingBlockWebhook',
] as const;
export type GreenApiNotificationSwitch = (typeof GREENAPI_NOTIFICATION_SWITCHES)[number];
export type GreenApiSwitchValues = Partial<Record<GreenApiNotificationSwitch, 'yes' | 'no'>>;

export type GreenApiNotificationRule =
  /** Statuses of messages sent from the phone need outgoingMessageWebhook together with outgoingWebhook. */
  | 'phoneStatusesNeedOutgoingWebhook'
  /** outgoingWebhook alone: statuses come only for messages whose sending is also notified (phone or API). */
  | 'statusesNeedOutgoingMessages'
  /** [AMBIGUOUS] §3: the status page wants outgoingAPIMessageWebhook too, the recommended settings leave it off. */
  | 'apiStatusesAmbiguous'
  /** Incoming call statuses: incomingCallWebhook + incomingWebhook. */
  | 'callsNeedIncomingWebhook'
  /** pollMessageWebhook works only with outgoingAPI, outgoingMessage or incoming notifications on. */
  | 'pollsNeedMessageWebhook'
  /** noAccount and failed statuses arrive whatever the switches say: they must be handled. */
  | 'undisableableStatuses'
  /** With the phone and linked devices off, keepOnlineStatus is what lets messages reach `delivered`. */
  | 'keepOnlineForDelivered'
  /** deviceWebhook and incomingBlockWebhook are "temporarily not working". */
  | 'temporarilyNotWorking';

export interface GreenApiRuleFinding {
  rule: GreenApiNotificationRule;
  /** `warning`: what the user turned on will not work as set; `info`: something the documents want them to know. */
  severity: 'warning' | 'info';
  /** The switches the finding is about, to point at them. */
  switches: GreenApiNotificationSwitch[];
}

const on = (values: GreenApiSwitchValues, key: GreenApiNotificationSwitch) => values[key] === 'yes';

/** What the documents say about this combination of switches, most serious first. */
export function greenApiNotificationFindings(values: GreenApiSwitchValues): GreenApiRuleFinding[] {
  const findings: GreenApiRuleFinding[] = [];
  const add = (rule: GreenApiNotificationRule, severity: GreenApiRuleFinding['severity'], switches: GreenApiNotificationSwitch[]) =>
    findings.push({ rule, severity, switches });

  if (on(values, 'outgoingMessageWebhook') && !on(values, 'outgoingWebhook')) {
    add('phoneStatusesNeedOutgoingWebhook', 'warning', ['outgoingMessageWebhook', 'outgoingWebhook']);
  }
  if (on(values, 'outgoingWebhook') && !on(values, 'outgoingMessageWebhook') && !on(values, 'outgoingAPIMessageWebhook')) {
    add('statusesNeedOutgoingMessages', 'warning', ['outgoingWebhook', 'outgoingMessageWebhook', 'outgoingAPIMessageWebhook']);
  }
  if (on(values, 'incomingCallWebhook') && !on(values, 'incomingWebhook')) add('callsNeedIncomingWebhook', 'warning', ['incomingCallWebhook', 'incomingWebhook']);
  if (on(values, 'pollMessageWebhook') && !['outgoingAPIMessageWebhook', 'outgoingMessageWebhook', 'incomingWebhook'].some((key) => on(values, key as GreenApiNotificationSwitch))) {
    add('pollsNeedMessageWebhook', 'warning', ['pollMessageWebhook', 'outgoingAPIMessageWebhook', 'outgoingMessageWebhook', 'incomingWebhook']);
  }
  if (on(values, 'outgoingWebhook') && on(values, 'outgoingMessageWebhook') && !on(values, 'outgoingAPIMessageWebhook')) {
    add('apiStatusesAmbiguous', 'info', ['outgoingAPIMessageWebhook']);
  }
  add('undisableableStatuses', 'info', ['outgoingWebhook']);
  if (!on(values, 'keepOnlineStatus')) add('keepOnlineForDelivered', 'info', ['keepOnlineStatus']);
  if (on(values, 'deviceWebhook') || on(values, 'incomingBlockWebhook')) {
    add('temporarilyNotWorking', 'info', (['deviceWebhook', 'incomingBlockWebhook'] as const).filter((key) => on(values, key)));
  }
  return findings;
}
