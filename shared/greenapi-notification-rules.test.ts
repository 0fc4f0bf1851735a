import { describe, expect, it } from 'vitest';
import { greenApiNotificationFindings } from './greenapi-notification-rules';

const rules = (values: Parameters<typeof greenApiNotificationFindings>[0]) => greenApiNotificationFindings(values).map((finding) => finding.rule);

describe('GREEN-API notification rules (specs/greenapi.md §3)', () => {
  it('warns about each documented combination that would not work', () => {
    expect(rules({ outgoingMessageWebhook: 'yes', outgoingWebhook: 'no' })).toContain('phoneStatusesNeedOutgoingWebhook');
    expect(rules({ outgoingWebhook: 'yes' })).toContain('statusesNeedOutgoingMessages');
    expect(rules({ incomingCallWebhook: 'yes', incomingWebhook: 'no' })).toContain('callsNeedIncomingWebhook');
    expect(rules({ pollMessageWebhook: 'yes' })).toContain('pollsNeedMessageWebhook');
    expect(rules({ deviceWebhook: 'yes' })).toContain('temporarilyNotWorking');
  });

  it('has only the standing notes for the recommended settings, plus the documents’ own disagreement', () => {
    const recommended = {
      outgoingWebhook: 'yes',
      outgoingMessageWebhook: 'yes',
      outgoingAPIMessageWebhook: 'no',
      incomingWebhook: 'yes',
      stateWebhook: 'yes',
      keepOnlineStatus: 'yes',
      pollMessageWebhook: 'yes',
    } as const;
    expect(greenApiNotificationFindings(recommended).filter((finding) => finding.severity === 'warning')).toEqual([]);
    expect(rules(recommended)).toEqual(['apiStatusesAmbiguous', 'undisableableStatuses']);
  });
});
