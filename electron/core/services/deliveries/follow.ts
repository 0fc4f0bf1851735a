import type { DeliveryFollowEvent } from '../../../../shared/deliveries';
import { AppError, toAppErrorShape } from '../../app-error';
import { defaultSleep } from '../../providers/http/retry';
import type { JobRunner } from '../jobs/job-runner';
import type { ChatpushClientTarget, ChatpushDeliveries } from './chatpush-deliveries';

/** A follow gives up after this long: a delivery scheduled a month ahead is looked up again later, not polled. */
const FOLLOW_LIMIT_MS = 60 * 60_000;
/** Consecutive failed lookups (network, 5xx) tolerated before the follow stops and says why. */
const MAX_FAILURES = 5;

/**
 * Follows one delivery until its status is final (§6.10), as a job: it looks the delivery up every `interval`,
 * pushes an event whenever the status changed (and for the first and last lookup), and ends by itself on a final
 * status. Cancel stops it. The status callback (§6.7) fires only on final statuses, so polling is how the
 * intermediate ones (accepted, enroute, in progress) are seen.
 */
export function followDelivery(
  deps: { deliveries: ChatpushDeliveries; jobs: JobRunner; emit: (event: DeliveryFollowEvent) => void },
  target: ChatpushClientTarget,
  deliveryId: number,
  intervalSeconds: number,
) {
  return deps.jobs.start('deliveries.follow', async (job) => {
    job.setTotal(1);
    const { api } = await deps.deliveries.customer(target, job.signal, { kind: 'none' });
    const stopAt = Date.now() + FOLLOW_LIMIT_MS;
    let lastStatus: number | null = null;
    let failures = 0;
    for (;;) {
      try {
        const delivery = await api.getDelivery(deliveryId);
        failures = 0;
        if (delivery.statusId !== lastStatus || delivery.final) deps.emit({ jobId: job.jobId, deliveryId, delivery, error: null });
        lastStatus = delivery.statusId;
        if (delivery.final) return job.tick(true);
      } catch (error) {
        if (error instanceof AppError && error.code === 'cancelled') throw error;
        deps.emit({ jobId: job.jobId, deliveryId, delivery: null, error: toAppErrorShape(error) });
        // A delivery that does not exist will not appear by waiting.
        if ((error instanceof AppError && error.code === 'provider_not_found') || ++failures >= MAX_FAILURES) throw error;
      }
      if (Date.now() >= stopAt) {
        throw new AppError('timeout', `Delivery ${deliveryId} is still not final after an hour of following; look it up again later.`);
      }
      await defaultSleep(intervalSeconds * 1000, job.signal);
    }
  });
}
