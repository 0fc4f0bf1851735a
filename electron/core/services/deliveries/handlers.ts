import type { DeliveryFollowEvent } from '../../../../shared/deliveries';
import type { Handlers } from '../../bridge/dispatcher';
import type { AccountsService } from '../accounts/accounts-service';
import type { JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { createBulkLookups } from './bulk-lookup';
import { createChat2DeskMessages } from './chat2desk-messages';
import { createChatpushDeliveries } from './chatpush-deliveries';
import { followDelivery } from './follow';
import { createGreenApiDeliveries } from './greenapi-deliveries';

type DeliveryHandlers = Pick<Handlers, Extract<keyof Handlers, `deliveries.${string}`>>;

/** The Deliveries screen's calls, wired to the services of this folder. */
export function createDeliveryHandlers(deps: {
  accounts: AccountsService;
  clients: ProviderClients;
  jobs: JobRunner;
  emitFollowed: (event: DeliveryFollowEvent) => void;
}): DeliveryHandlers {
  const chatpush = createChatpushDeliveries(deps);
  const bulk = createBulkLookups({ deliveries: chatpush, jobs: deps.jobs });
  const greenapi = createGreenApiDeliveries(deps);
  const chat2desk = createChat2DeskMessages(deps);
  const done = { done: true as const };

  return {
    'deliveries.lookup': ({ deliveryId, ...target }) => chatpush.lookup(target, deliveryId),
    'deliveries.bulkLookup': ({ ids, ...target }) => ({ jobId: bulk.start(target, ids).jobId }),
    'deliveries.bulkResults': ({ jobId }) => bulk.results(jobId),
    'deliveries.follow': ({ deliveryId, intervalSeconds, ...target }) => ({
      jobId: followDelivery({ deliveries: chatpush, jobs: deps.jobs, emit: deps.emitFollowed }, target, deliveryId, intervalSeconds).jobId,
    }),
    'deliveries.delete': async ({ deliveryId, ...target }) => (await chatpush.remove(target, deliveryId), done),
    'deliveries.searchOperator': ({ phone, ...target }) => chatpush.searchOperator(target, phone),
    'deliveries.checksum': (request) => chatpush.checksum(request),
    'deliveries.sendTest': (request) => chatpush.sendTest(request),

    'deliveries.greenapiMessage': ({ chatId, idMessage, ...target }) => greenapi.message(target, chatId, idMessage),
    'deliveries.greenapiOutgoing': ({ minutes, ...target }) => greenapi.outgoing(target, minutes),
    'deliveries.greenapiQueue': (target) => greenapi.queue(target),
    'deliveries.greenapiClearQueue': (target) => greenapi.clearQueue(target),
    'deliveries.greenapiSend': ({ chatId, message, linkPreview, ...target }) => greenapi.send(target, { chatId, message, linkPreview }),

    'deliveries.chatDeskMessage': ({ accountId, messageId }) => chat2desk.message(accountId, messageId),
    'deliveries.chatDeskMessages': ({ accountId, filter }) => chat2desk.list(accountId, filter),
    'deliveries.chatDeskChannels': ({ accountId }) => chat2desk.channels(accountId),
  };
}
