import {
  GREENAPI_SETTING_SWITCHES,
  SEND_DELAY_MAX_MS,
  SEND_DELAY_MIN_MS,
  type GreenApiInstanceSettings,
  type GreenApiSettingsChanges,
} from '../../../../shared/instance-settings';

/** The form's values: the delay as typed, so a half-typed number is kept and can be pointed at. */
export type FormValues = Omit<GreenApiInstanceSettings, 'delaySendMessagesMilliseconds'> & { delay: string };

export const toForm = (settings: GreenApiInstanceSettings): FormValues => {
  const { delaySendMessagesMilliseconds, ...rest } = settings;
  return { ...rest, delay: delaySendMessagesMilliseconds === null ? '' : String(delaySendMessagesMilliseconds) };
};

/** Problems the user can fix before anything is sent. */
export function formProblems(values: FormValues): { delay?: true; webhookUrl?: true } {
  const problems: { delay?: true; webhookUrl?: true } = {};
  const delay = values.delay.trim();
  if (delay !== '' && (!/^\d+$/.test(delay) || Number(delay) < SEND_DELAY_MIN_MS || Number(delay) > SEND_DELAY_MAX_MS)) problems.delay = true;
  const url = values.webhookUrl.trim();
  if (url !== '' && !/^https?:\/\/[^\s/]+/i.test(url)) problems.webhookUrl = true;
  return problems;
}

/** What the form wants, as a change set; keys left unreported (null) or a blank delay are not sent. */
export function wantedChanges(values: FormValues): GreenApiSettingsChanges {
  const changes: GreenApiSettingsChanges = { webhookUrl: values.webhookUrl.trim() };
  if (values.delay.trim() !== '') changes.delaySendMessagesMilliseconds = Number(values.delay.trim());
  for (const key of GREENAPI_SETTING_SWITCHES) {
    const value = values[key];
    if (value !== null) changes[key] = value;
  }
  return changes;
}
