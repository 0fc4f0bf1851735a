import { setMaxListeners } from 'node:events';
import type { AccountDraft } from '../../../../shared/accounts';
import type { ProviderId } from '../../../../shared/providers';
import { toAppErrorShape } from '../../app-error';
import type { JobControl } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { createConcurrencyLimit } from './concurrency';
import { isoDay } from './dates';
import { readChat2DeskAccount } from './readers/chat2desk';
import { readChatpushAccount } from './readers/chatpush';
import { readGreenApiAccount } from './readers/greenapi';
import { NO_FACTS, type AccountRead, type ReadContext, type RefreshProgress } from './types';

/** The providers that have instances to list (Chatti documents none). */
export type FleetProvider = Exclude<ProviderId, 'chatti'>;

/**
 * How many requests each provider gets at once during a refresh. GREEN-API limits each instance on its own
 * (specs/greenapi.md §8.2), so many instances can be read side by side; Chategy/Jetapi and Chat2Desk are one
 * account's API and get a few.
 */
export const DEFAULT_CONCURRENCY: Record<FleetProvider, number> = { chatpush: 6, greenapi: 64, chat2desk: 4 };

/** What the refresh needs of the accounts service. */
export interface FleetAccounts {
  records(): { id: string; name: string; provider: ProviderId }[];
  resolve(id: string): Promise<AccountDraft>;
}

const READERS: { [P in FleetProvider]: (account: Extract<AccountDraft, { provider: P }>, ctx: ReadContext) => Promise<AccountRead> } = {
  chatpush: readChatpushAccount,
  greenapi: readGreenApiAccount,
  chat2desk: readChat2DeskAccount,
};
export const isFleetProvider = (provider: ProviderId): provider is FleetProvider => provider in READERS;

export interface RefreshDeps {
  accounts: FleetAccounts;
  clients: ProviderClients;
  concurrency?: Partial<Record<FleetProvider, number>>;
  now?: () => Date;
}

/**
 * Reads every account (or the ones named) side by side, each provider under its own concurrency limit, and hands
 * each account's result to `commit` as soon as it is in, so the table fills while the rest is still being read.
 * An account that fails is committed with its error; the others carry on.
 */
export async function refreshFleet(
  deps: RefreshDeps,
  job: JobControl,
  accountIds: readonly string[] | undefined,
  commit: (account: { id: string; name: string; provider: FleetProvider }, read: AccountRead, refreshedAt: string) => void,
): Promise<void> {
  // Every request of the refresh listens to the job's signal: hundreds at once are expected, not a leak.
  setMaxListeners(0, job.signal);
  const wanted = accountIds ? new Set(accountIds) : null;
  const accounts = deps.accounts
    .records()
    .filter((record): record is typeof record & { provider: FleetProvider } => isFleetProvider(record.provider) && (!wanted || wanted.has(record.id)));
  const limits = Object.fromEntries(
    (Object.keys(READERS) as FleetProvider[]).map((provider) => [provider, createConcurrencyLimit(deps.concurrency?.[provider] ?? DEFAULT_CONCURRENCY[provider])]),
  ) as Record<FleetProvider, ReturnType<typeof createConcurrencyLimit>>;

  let total = 0;
  const progress: RefreshProgress = {
    grow: (count) => job.setTotal((total += count)),
    done: (ok, count = 1) => {
      for (let i = 0; i < count; i++) job.tick(ok);
    },
  };

  await Promise.all(
    accounts.map(async (record) => {
      const at = (deps.now?.() ?? new Date()).toISOString();
      const mine = { grown: 0, done: 0 };
      const ctx = {
        accountId: record.id,
        accountName: record.name,
        today: isoDay(new Date(at)),
        refreshedAt: at,
        clients: deps.clients,
        signal: job.signal,
        limit: limits[record.provider],
        progress: {
          grow: (count) => ((mine.grown += count), progress.grow(count)),
          done: (ok, count = 1) => ((mine.done += count), progress.done(ok, count)),
        },
      } satisfies ReadContext;
      let read: AccountRead;
      try {
        const account = await deps.accounts.resolve(record.id);
        read = await (READERS[account.provider as FleetProvider] as (a: AccountDraft, c: ReadContext) => Promise<AccountRead>)(account, ctx);
      } catch (error) {
        if (job.signal.aborted) return;
        read = { rows: [], facts: NO_FACTS, error: toAppErrorShape(error) };
        // What was announced for this account and not read counts as failed, so the bar still reaches its end.
        if (mine.grown === 0) progress.grow(1);
        progress.done(false, Math.max(1, mine.grown - mine.done));
      }
      if (!job.signal.aborted) commit(record, read, at);
    }),
  );
}
