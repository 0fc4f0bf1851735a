import type { GreenApiEngine } from './engine';
import type { GreenApiInstanceRecord } from './world';

/**
 * Webhook Endpoint mode (specs/greenapi.md §5.2): each notification is POSTed to `webhookUrl` as
 * `application/json; charset=utf-8`, with `Authorization` from `webhookUrlToken`. Only a 200 removes it; anything
 * else (or no answer within the response timeout) pauses the retry delay and sends the *same* notification again, so
 * order is kept and a failing endpoint blocks the rest. Entries older than the retention time are dropped. Timings
 * are the world's, on the sandbox clock.
 *
 * The sandbox never leaves the machine: a non-loopback webhookUrl counts as unreachable.
 */
export function deliverWebhooks(engine: GreenApiEngine, instance: GreenApiInstanceRecord): void {
  const runtime = engine.runtime(instance);
  if (runtime.delivering || engine.closing) return;
  runtime.delivering = true;
  const stop = () => {
    runtime.delivering = false;
  };

  void (async () => {
    for (;;) {
      const url = String(instance.settings.webhookUrl ?? '');
      const item = url && !engine.closing ? runtime.notifications.head(engine.now(), engine.world.timings.retentionMs) : undefined;
      if (!item) return stop();
      const status = await post(engine, url, String(instance.settings.webhookUrlToken ?? ''), item.body);
      runtime.webhookAttempts.push({ receiptId: item.receiptId, status, at: engine.now() });
      if (status === 200) {
        runtime.notifications.delete(item.receiptId);
        continue;
      }
      if (!(await engine.agenda.until(engine.now() + engine.world.timings.webhookRetryDelayMs))) return stop();
    }
  })();
}

/**
 * §5.2 Authorization: `Basic …` or `Bearer …` as given; a token without a type goes out as `Bearer <token>` (the
 * doc's "default Bearer" reading of an ambiguous paragraph, §13.18).
 */
export function webhookAuthorization(token: string): string | undefined {
  if (!token) return undefined;
  return /^(basic|bearer)\s/i.test(token) ? token : `Bearer ${token}`;
}

async function post(engine: GreenApiEngine, url: string, token: string, body: unknown): Promise<number> {
  if (!isLoopback(url)) return 0;
  const controller = new AbortController();
  const cancelTimeout = engine.agenda.after(engine.world.timings.webhookResponseTimeoutMs, () => controller.abort());
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  const authorization = webhookAuthorization(token);
  if (authorization) headers.Authorization = authorization;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.any([controller.signal, engine.closedSignal]),
      redirect: 'manual',
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  } catch {
    return 0;
  } finally {
    cancelTimeout();
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
