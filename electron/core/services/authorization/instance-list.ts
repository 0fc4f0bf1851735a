import { authMethodsOf, type AuthInstance, type AuthInstanceList, type InstanceAction, type LinkState } from '../../../../shared/auth';
import { PROVIDER_CAPABILITIES } from '../../../../shared/providers';
import { AppError, toAppErrorShape } from '../../app-error';
import type { ChatpushInstance } from '../../providers/chatpush/schemas';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { accountWithIds, tokenCustomerId } from './targets';

/** §2 tdlib_session codes (4 = wait_qr_code, Jetapi only). */
const TDLIB_STATES = ['wait_phone', 'wait_code', 'wait_password', 'authorized', 'wait_qr_code'] as const;

/** GREEN-API state reads in flight at once: each instance has its own 1 request/s budget (§8.2), so this only spares the network. */
const STATE_READS_AT_ONCE = 6;
/**
 * States read per listing. An account of thousands would take minutes to list; past this the rows show no state
 * (the fleet screen reads whole fleets as a job) and the session reads it when one is opened.
 */
const STATE_READS_MAX = 200;

/**
 * The instances of one account that can be authorized, with their link state: Chategy/Jetapi from the developer
 * list (every page) plus client tokens of customers the list does not show; GREEN-API from the account, each
 * state read with getStateInstance.
 */
export async function listAuthInstances(accounts: AccountsService, clients: ProviderClients, accountId: string): Promise<AuthInstanceList> {
  const { account, record } = await accountWithIds(accounts, accountId);
  const methods = authMethodsOf(PROVIDER_CAPABILITIES[account.provider]);
  const capabilities = PROVIDER_CAPABILITIES[account.provider];
  const base = {
    accountId,
    sandbox: record.sandbox,
    // GREEN-API instances are created in its personal account: the console adds them by their credentials.
    provisioning: capabilities.includes('instances.create') ? ('create' as const) : account.provider === 'greenapi' ? ('addExisting' as const) : null,
  };
  const row = (instance: string, rest: Omit<AuthInstance, 'target' | 'methods' | 'actions'>, actions: InstanceAction[] = []): AuthInstance => ({
    target: { accountId, instance },
    methods,
    actions,
    ...rest,
  });

  if (account.provider === 'greenapi' && record.provider === 'greenapi') {
    const instances = await mapLimited(account.instances, STATE_READS_AT_ONCE, async (credentials, index) => {
      let whatsapp: LinkState | null = null;
      let stateError = null;
      try {
        if (index < STATE_READS_MAX) whatsapp = (await clients.greenapiInstance(credentials).getStateInstance()).state;
      } catch (error) {
        stateError = toAppErrorShape(error);
      }
      return row(
        record.instances[index]!.id,
        { label: credentials.label, ids: [{ key: 'idInstance', value: credentials.idInstance }], whatsapp, telegram: null, phone: null, stateError },
        ['logout', 'reboot'],
      );
    });
    return { ...base, instances, listError: null };
  }

  if (account.provider === 'chatpush' && record.provider === 'chatpush') {
    const labels = new Map<number, string>();
    for (const entry of account.clientTokens) {
      const customerId = tokenCustomerId(entry.token);
      if (customerId !== null && !labels.has(customerId)) labels.set(customerId, entry.label);
    }
    let listed: ChatpushInstance[] = [];
    let listError = null;
    try {
      listed = await clients.chatpushDeveloper(account).listAllInstances();
    } catch (error) {
      listError = toAppErrorShape(error);
    }
    const seen = new Set(listed.map((instance) => instance.customerId));
    const instances = listed.map((instance) =>
      row(String(instance.customerId), {
        label: labels.get(instance.customerId) ?? '',
        ids: [
          { key: 'customerId', value: String(instance.customerId) },
          { key: 'instanceId', value: String(instance.id) },
          ...(instance.externalId ? [{ key: 'externalId' as const, value: instance.externalId }] : []),
        ],
        whatsapp: instance.whatsappSession === null ? null : instance.whatsappSession === 1 ? 'authorized' : 'notAuthorized',
        telegram: instance.tdlibSession === null ? null : (TDLIB_STATES[instance.tdlibSession] ?? 'unknown'),
        phone: instance.whatsappPhone,
        stateError: null,
      }),
    );
    // When the developer list failed, the client tokens are all there is to offer. When it answered, a token of a
    // customer it did not return is the developer's own master account (as the fleet reads it): nothing to authorize.
    for (const [customerId, label] of listError ? labels : []) {
      if (seen.has(customerId)) continue;
      instances.push(row(String(customerId), { label, ids: [{ key: 'customerId', value: String(customerId) }], whatsapp: null, telegram: null, phone: null, stateError: null }));
    }
    return { ...base, instances, listError };
  }

  throw new AppError('invalid_input', 'This account’s provider has no messenger authorization.', { provider: account.provider });
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
