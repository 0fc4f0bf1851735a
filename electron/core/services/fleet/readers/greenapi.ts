import type { QuotaSeen } from '../../../../../shared/balances';
import type { AppErrorShape } from '../../../../../shared/errors';
import type { InstanceRow } from '../../../../../shared/fleet';
import { toAppErrorShape } from '../../../app-error';
import type { WhatsappState } from '../../../../../shared/fleet';
import { AppError } from '../../../app-error';
import { GreenApiQuotaError } from '../../../providers/greenapi';
import type { GreenApiAccount, GreenApiInstanceCredentials } from '../../provider-clients';
import { forEachLimited } from '../concurrency';
import { greenapiRow } from '../row-mapping';
import type { AccountRead, ReadContext } from '../types';

/**
 * A GREEN-API account is a list of instances, each read on its own: getWaSettings (state and phone, §2.11) and
 * showMessagesQueue (§6). Both go through the shared per-instance rate limiter inside the client, so a refresh
 * repeated within a second waits instead of drawing 429s. One instance failing is that row's error, not the
 * account's.
 */
export async function readGreenApiAccount(account: GreenApiAccount, ctx: ReadContext): Promise<AccountRead> {
  // The same idInstance entered twice is one instance (and one row key).
  const instances = [...new Map(account.instances.map((instance) => [instance.idInstance, instance])).values()];
  ctx.progress.grow(instances.length);
  const rows: InstanceRow[] = [];
  const quotas: QuotaSeen[] = [];
  await forEachLimited(instances, ctx.limit, async (instance) => {
    const read = await readInstance(instance, ctx, quotas);
    rows.push(greenapiRow(ctx, instance, read));
    ctx.progress.done(read.error === null);
  });
  const failed = rows.filter((row) => row.error !== null);
  // Every instance failing the same way (a wrong host, a network outage) is the account's failure.
  const error = rows.length > 0 && failed.length === rows.length ? failed[0]!.error : null;
  return { rows, facts: { tokens: [], chat2desk: null, quotas }, error };
}

/** §8.3: what an instance being created or restarted answers most methods with. */
const isStarting = (error: unknown) => error instanceof AppError && /starting process/i.test(error.details.providerMessage ?? '');

async function readInstance(
  instance: GreenApiInstanceCredentials,
  ctx: ReadContext,
  quotas: QuotaSeen[],
): Promise<{ state: WhatsappState | null; phone: string | null; queueSize: number | null; error: AppErrorShape | null }> {
  const api = ctx.clients.greenapiInstance(instance, ctx.signal);
  let read: { state: WhatsappState | null; phone: string | null } = { state: null, phone: null };
  try {
    try {
      const wa = await api.getWaSettings();
      read = { state: wa.state, phone: wa.phone };
    } catch (error) {
      // Being created or starting is a state, not a failure: getStateInstance answers in both (§2.3 `null` body).
      if (!isStarting(error)) throw error;
      return { state: (await api.getStateInstance()).state, phone: null, queueSize: null, error: null };
    }
    const queue = await api.showMessagesQueue();
    return { ...read, queueSize: queue.length, error: null };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    if (error instanceof GreenApiQuotaError) quotas.push(...quotaFigures(instance.idInstance, error, ctx.refreshedAt));
    return { ...read, queueSize: null, error: toAppErrorShape(error) };
  }
}

/** §8.1: the figures a 466 body carries, one per status it names. */
export function quotaFigures(idInstance: string, error: GreenApiQuotaError, seenAt: string): QuotaSeen[] {
  return [error.quota.invokeStatus, error.quota.correspondentsStatus].flatMap((status) =>
    status ? [{ idInstance, method: status.method, used: status.used, total: status.total, status: status.status, seenAt }] : [],
  );
}
