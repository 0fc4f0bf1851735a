import type { SandboxResponse } from '../http-server';
import type { MethodContext, MethodSpec } from './method-table';

/** §5.1 receiveTimeout: 5 to 60 seconds, default 5. */
const RECEIVE_TIMEOUT_S = { min: 5, max: 60, default: 5 };

/** §5.1: polling and a webhook URL exclude each other. */
function webhookSet({ wire, instance }: MethodContext): SandboxResponse | undefined {
  if (String(instance.settings.webhookUrl ?? '') === '') return undefined;
  return wire.message(
    400,
    `Message cannot be received because custom webhook url is set. Go to cabinet, clear webhook url for instance: ${instance.idInstance} and wait for about 1 minute for another attempt`,
  );
}

export const notificationMethods: Record<string, MethodSpec> = {
  /**
   * §5.1: the oldest undeleted notification, held up to receiveTimeout seconds of sandbox time when the queue is
   * empty; `null` when the wait runs out (1.3.13's reading of "empty response", §13.12).
   */
  receiveNotification: {
    verb: 'GET',
    needs: 'created',
    handle: async (context) => {
      const refused = webhookSet(context);
      if (refused) return refused;
      const { engine, wire, instance, req } = context;
      const queue = engine.runtime(instance).notifications;
      const retention = engine.world.timings.retentionMs;
      const asked = Number(req.url.searchParams.get('receiveTimeout') ?? RECEIVE_TIMEOUT_S.default);
      // doc-gap: an out-of-range timeout is clamped rather than refused.
      const seconds = Number.isFinite(asked) ? Math.min(RECEIVE_TIMEOUT_S.max, Math.max(RECEIVE_TIMEOUT_S.min, asked)) : RECEIVE_TIMEOUT_S.default;
      let head = queue.head(engine.now(), retention);
      if (!head) {
        const arrived = new AbortController();
        const stop = queue.onPush(() => arrived.abort());
        await engine.agenda.until(engine.now() + seconds * 1000, arrived.signal);
        stop();
        head = queue.head(engine.now(), retention);
      }
      return wire.jsonResponse(200, head ? { receiptId: head.receiptId, body: head.body } : null);
    },
  },

  /** §5.1: DELETE …/deleteNotification/{token}/{receiptId}. */
  deleteNotification: {
    verb: 'DELETE',
    needs: 'created',
    handle: (context) => {
      const refused = webhookSet(context);
      if (refused) return refused;
      const { engine, wire, instance, tail } = context;
      if (tail === undefined || !/^\d+$/.test(tail)) return wire.message(500, 'Internal Server Error Parameter receiptId must be a Number!');
      return wire.jsonResponse(200, { result: engine.runtime(instance).notifications.delete(Number(tail)) });
    },
  },
};
