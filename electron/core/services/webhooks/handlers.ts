import type { Handlers } from '../../bridge/dispatcher';
import type { Logger } from '../../log';
import type { Redactor } from '../../redactor';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { webhookCatalogue } from './catalogue';
import { createChat2DeskWebhooks } from './chat2desk-webhooks';
import { createChatpushWebhooks } from './chatpush-webhooks';
import { createGreenApiWebhooks } from './greenapi-webhooks';
import { CHAT2DESK_SAMPLE_TYPES } from './tester/chat2desk-samples';
import { CHATPUSH_SAMPLE_TYPES } from './tester/chatpush-samples';
import { GREENAPI_SAMPLE_TYPES } from './tester/greenapi-samples';
import { inspectPayload } from './tester/inspect-payload';
import { sendSample } from './tester/send-sample';

type WebhookHandlers = Pick<Handlers, Extract<keyof Handlers, `webhooks.${string}`>>;

/** The Webhooks screen's calls, wired to the services of this folder. */
export function createWebhookHandlers(deps: { accounts: AccountsService; clients: ProviderClients; redactor: Redactor; log: Logger }): WebhookHandlers {
  const chatpush = createChatpushWebhooks(deps);
  const greenapi = createGreenApiWebhooks(deps);
  const chat2desk = createChat2DeskWebhooks(deps);
  const done = { done: true as const };

  return {
    'webhooks.catalogue': () => webhookCatalogue(),

    'webhooks.chatpushList': (target) => chatpush.list(target),
    'webhooks.chatpushCreate': ({ url, types, ...target }) => chatpush.create(target, { url, types }),
    'webhooks.chatpushUpdate': ({ webhookId, url, types, ...target }) => chatpush.update(target, webhookId, { url, types }),
    'webhooks.chatpushDelete': async ({ webhookId, ...target }) => (await chatpush.remove(target, webhookId), done),

    'webhooks.greenapiGet': (target) => greenapi.get(target),
    'webhooks.greenapiSave': ({ accountId, instanceId, ...save }) => greenapi.save({ accountId, instanceId }, save),

    'webhooks.chatDeskList': ({ accountId }) => chat2desk.list(accountId),
    'webhooks.chatDeskCreate': ({ accountId, ...fields }) => chat2desk.create(accountId, fields),
    'webhooks.chatDeskUpdate': ({ accountId, webhookId, ...fields }) => chat2desk.update(accountId, webhookId, fields),
    'webhooks.chatDeskSetEnabled': ({ accountId, webhookId, enabled }) => chat2desk.setEnabled(accountId, webhookId, enabled),
    'webhooks.chatDeskDelete': async ({ accountId, webhookId }) => (await chat2desk.remove(accountId, webhookId), done),

    'webhooks.testerSamples': () => ({ chatpush: [...CHATPUSH_SAMPLE_TYPES], greenapi: GREENAPI_SAMPLE_TYPES, chat2desk: CHAT2DESK_SAMPLE_TYPES }),
    'webhooks.testerSend': (input) => sendSample(deps, input),
    'webhooks.testerInspect': (input) => inspectPayload(deps.accounts, input),
  };
}
