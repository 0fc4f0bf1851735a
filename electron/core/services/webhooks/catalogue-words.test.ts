import { describe, expect, it } from 'vitest';
import { GREENAPI_NOTIFICATION_SWITCHES } from '../../../../shared/greenapi-notification-rules';
import { webhooksMessages } from '../../../../renderer/i18n/webhooks.messages';
import { webhookCatalogue } from './catalogue';

/** The renderer words what this catalogue sends at run time: there must be words for every entry, in both languages. */
describe('webhook catalogue words', () => {
  it('covers every Chat2Desk event, Chategy/Jetapi type and GREEN-API switch in both languages', () => {
    const keys = [
      ...webhookCatalogue().chat2desk.events.map((event) => `webhooks.c2d.event.${event.name}`),
      ...webhookCatalogue().chatpush.types.map(({ type }) => `webhooks.cp.type.${type}`),
      ...GREENAPI_NOTIFICATION_SWITCHES.map((key) => `webhooks.ga.switch.${key}`),
    ] as (keyof typeof webhooksMessages.en)[];
    for (const key of keys) {
      expect(webhooksMessages.en[key], key).toBeTruthy();
      expect(webhooksMessages.ru[key], key).toBeTruthy();
    }
  });
});
