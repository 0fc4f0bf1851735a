import type { ChatpushOutboundRecord, ChatpushWorld } from './world';

/**
 * The POSTs the platform owes: status callbacks (§6.7) and webhooks (§5). Each is a record in the world
 * (`outbox`), so tests and the demo can see every attempt; the engine pumps the due ones over real HTTP.
 */
export function enqueueOutbound(
  world: ChatpushWorld,
  entry: { kind: ChatpushOutboundRecord['kind']; url: string; body: unknown; about: string },
  now: number,
): ChatpushOutboundRecord {
  const { settings } = world;
  const retries = entry.kind === 'callback' ? settings.callbackRetries : settings.webhookRetries;
  const record: ChatpushOutboundRecord = {
    id: world.nextIds.outbound++,
    ...entry,
    attempts: 0,
    maxAttempts: 1 + retries,
    retryIntervalMs: entry.kind === 'callback' ? settings.callbackRetryIntervalMs : settings.webhookRetryIntervalMs,
    nextAt: now,
    state: 'pending',
    responses: [],
  };
  world.outbox.push(record);
  return record;
}

/**
 * §6.7: a callback counts as received only on HTTP 200 ("until it receives the HTTP code 200"); ⚠ webhooks
 * document no acknowledgement, so any 2xx is taken.
 */
function accepted(record: ChatpushOutboundRecord, status: number): boolean {
  return record.kind === 'callback' ? status === 200 : status >= 200 && status < 300;
}

/** Starts every due attempt; resolves each one's promise when it has settled its record. */
export function pumpOutbound(
  world: ChatpushWorld,
  now: number,
  post: (url: string, body: unknown) => Promise<number>,
): Promise<void>[] {
  const started: Promise<void>[] = [];
  for (const record of world.outbox) {
    if (record.state !== 'pending' || record.nextAt === null || record.nextAt > now) continue;
    record.nextAt = null;
    record.attempts++;
    started.push(
      post(record.url, record.body).then((status) => {
        record.responses.push(status);
        if (accepted(record, status)) record.state = 'delivered';
        else if (record.attempts >= record.maxAttempts) record.state = 'failed';
        // The next try is counted from this attempt's start, on the sandbox clock.
        else record.nextAt = now + record.retryIntervalMs;
      }),
    );
  }
  return started;
}
