import type { ChecksumPreview, IdempotencyChoice, TestMessage } from '../../../../shared/deliveries';
import { AppError } from '../../app-error';
import { checksumSource, idempotencyChecksum } from '../../providers/chatpush/checksum';
import type { ChatpushDelivery } from '../../providers/chatpush/delivery-schemas';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { resolveChatpushClient } from './account-targets';
import { testMessageInput } from './test-message';

export type ChatpushClientTarget = { accountId: string; tokenId: string };
type SendRequest = ChatpushClientTarget & { message: TestMessage; idempotency: IdempotencyChoice };

/**
 * Chategy/Jetapi deliveries with a client token (spec §6): look up, delete, operator search, and the test send with
 * its idempotency checksum (§6.8), computed here in main with a key that never leaves it.
 */
export function createChatpushDeliveries(deps: { accounts: AccountsService; clients: ProviderClients }) {
  /** The client for a token; `idempotency` picks which key (if any) signs the checksum header. */
  const customer = async (target: ChatpushClientTarget, signal?: AbortSignal, idempotency: IdempotencyChoice = { kind: 'account' }) => {
    const { account, token } = await resolveChatpushClient(deps.accounts, target);
    if (idempotency.kind === 'account' && !account.idempotencyKey) {
      throw new AppError('invalid_input', 'This account has no idempotency key stored: type one for this send, or send without a checksum.', {
        fields: [{ path: 'idempotency', message: 'the account has no idempotency key' }],
      });
    }
    const idempotencyKey = idempotency.kind === 'given' ? idempotency.key : idempotency.kind === 'account' ? account.idempotencyKey : undefined;
    return { api: deps.clients.chatpushCustomer({ ...account, idempotencyKey }, token, signal), idempotencyKey, accountHasKey: !!account.idempotencyKey };
  };

  return {
    customer,

    async lookup(target: ChatpushClientTarget, deliveryId: number, signal?: AbortSignal): Promise<ChatpushDelivery> {
      return (await customer(target, signal, { kind: 'none' })).api.getDelivery(deliveryId);
    },

    /** §6.4: the provider client rewords the four documented refusals into the rule that was broken. */
    async remove(target: ChatpushClientTarget, deliveryId: number): Promise<void> {
      await (await customer(target, undefined, { kind: 'none' })).api.deleteDelivery(deliveryId);
    },

    async searchOperator(target: ChatpushClientTarget, phone: string) {
      return (await customer(target, undefined, { kind: 'none' })).api.searchOperator(phone);
    },

    /** What sendTest would send and its checksum, without sending: the parameters in key order and the joined values. */
    async checksum(request: SendRequest): Promise<ChecksumPreview> {
      const { api, idempotencyKey, accountHasKey } = await customer(request, undefined, request.idempotency);
      const query = api.sendDeliveryParameters(testMessageInput(request.message));
      const parameters = Object.entries(query)
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([name, value]) => ({ name: name.replace(/\[\]$/, ''), value: Array.isArray(value) ? value.join('') : String(value) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return {
        parameters,
        source: checksumSource(query),
        checksum: idempotencyKey ? idempotencyChecksum(query, idempotencyKey) : null,
        key: request.idempotency.kind,
        accountHasKey,
      };
    },

    async sendTest(request: SendRequest): Promise<{ delivery: ChatpushDelivery; checksum: string | null }> {
      const { api, idempotencyKey } = await customer(request, undefined, request.idempotency);
      const input = testMessageInput(request.message);
      const checksum = idempotencyKey ? idempotencyChecksum(api.sendDeliveryParameters(input), idempotencyKey) : null;
      try {
        return { delivery: await api.sendDelivery(input), checksum };
      } catch (error) {
        throw explainIdempotencyRefusal(error, checksum);
      }
    },
  };
}
export type ChatpushDeliveries = ReturnType<typeof createChatpushDeliveries>;

/**
 * §6.8: 409 means a request with the same checksum was already received (nothing was sent again); 400 "Invalid
 * checksum" means the key is not the one the platform holds for this token. Both are said in those words; the
 * reason the provider client put in the details stays, for the window to word.
 */
function explainIdempotencyRefusal(error: unknown, checksum: string | null): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.details.reason === 'duplicate_request') {
    return new AppError(
      'provider_conflict',
      `Duplicate: the platform already received a send with exactly these parameters (checksum ${checksum ?? 'none'}), so nothing was sent again. Change a parameter, such as the external id, to send another message.`,
      error.details,
    );
  }
  if (error.details.reason === 'checksum_rejected') {
    return new AppError(
      'provider_validation',
      'The platform refused the checksum: the idempotency key is not the one it holds for this client token (personal account → IDEMPOTENCY KEY). Nothing was sent.',
      error.details,
    );
  }
  return error;
}
