import type { NotificationPeek, QuotaFigure } from '../../../../shared/balances';
import type { InstanceRow } from '../../../../shared/fleet';
import { createConcurrencyLimit, forEachLimited } from '../fleet/concurrency';
import type { FleetAccounts } from '../fleet/refresh';
import type { ProviderClients } from '../provider-clients';
import { peekQueueHead } from './queue-head';

/** Queues peeked at once across accounts; each holds a connection for at most QUEUE_PEEK_WAIT_MS. */
const PEEK_CONCURRENCY = 32;

export interface QuotaPeekDeps {
  accounts: FleetAccounts;
  clients: ProviderClients;
  now: () => Date;
}

export interface AccountPeek {
  accountId: string;
  peek: NotificationPeek;
  quotas: QuotaFigure[];
}

/**
 * A row worth asking: one that answered the refresh (a quota refusal still means it is there), and not one still
 * being created, which answers nothing yet (§2.3).
 */
const answers = (row: InstanceRow | undefined) =>
  row !== undefined && row.whatsapp !== 'creating' && (row.error === null || row.error.code === 'quota_exceeded');

/**
 * After a refresh, the head of every GREEN-API instance's notification queue (HTTP API mode only), to catch a
 * quotaExceeded notification (§5.3): the only other place besides 466 answers that quota figures appear (§11).
 * Every request goes through the shared per-instance rate limiter inside the client; nothing is ever deleted.
 */
export async function peekQuotaNotifications(
  deps: QuotaPeekDeps,
  targets: readonly { accountId: string; rows: readonly InstanceRow[] }[],
  signal: AbortSignal,
): Promise<AccountPeek[]> {
  const limit = createConcurrencyLimit(PEEK_CONCURRENCY);
  return Promise.all(
    targets.map(async ({ accountId, rows }): Promise<AccountPeek> => {
      const at = deps.now().toISOString();
      const peek: NotificationPeek = { at, read: 0, quotaAtHead: 0, webhookMode: 0, failed: 0 };
      const quotas: QuotaFigure[] = [];
      const byId = new Map(rows.map((row) => [row.instanceId, row]));
      let instances;
      try {
        const account = await deps.accounts.resolve(accountId);
        if (account.provider !== 'greenapi') return { accountId, peek, quotas };
        instances = [...new Map(account.instances.map((instance) => [instance.idInstance, instance])).values()].filter((instance) =>
          answers(byId.get(instance.idInstance)),
        );
      } catch (error) {
        if (signal.aborted) throw error;
        // The refresh itself reports why the account cannot be read (vault locked, removed meanwhile).
        return { accountId, peek: { ...peek, failed: rows.length }, quotas };
      }
      await forEachLimited(instances, limit, async (instance) => {
        const head = await peekQueueHead(deps.clients.greenapiInstance(instance, signal), {
          idInstance: instance.idInstance,
          signal,
          seenAt: at,
        });
        if (head.kind === 'webhook') peek.webhookMode++;
        if (head.kind === 'failed') peek.failed++;
        if (head.kind !== 'read') return;
        peek.read++;
        if (head.quota) {
          peek.quotaAtHead++;
          quotas.push(head.quota);
        }
      });
      return { accountId, peek, quotas };
    }),
  );
}
