import type { SandboxContext } from '../clock';
import { createPrng } from '../prng';
import { DAY_MS, isoDate } from '../world-kit';
import { forceDeliveryStatus, stepDelivery } from './deliveries';
import { chatpushEngine } from './engine';
import { fromCents, toCents } from './ledger';
import { createPhoenixControls } from './phoenix/controls';
import { authorizeWhatsapp, logoutWhatsapp, receiveCall, receiveMessage } from './sessions';
import { instanceByCustomerId, newInstance, type ChatpushInstanceRecord, type ChatpushSettings, type ChatpushWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chategy/Jetapi platform beyond plain state edits. Each control
 * changes the world the way the real service would (a WhatsApp login raises its webhook, an expired subscription
 * renews against the developer balance), then lets the engine settle.
 */
export function createChatpushControls(world: ChatpushWorld, context: SandboxContext) {
  const engine = chatpushEngine(world, context);
  const instance = (customerId: number): ChatpushInstanceRecord => {
    const found = instanceByCustomerId(world, customerId);
    if (!found) throw new Error(`Chatpush sandbox: no instance with customer id ${customerId}.`);
    return found;
  };
  const delivery = (id: number) => {
    const found = world.deliveries.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`Chatpush sandbox: no delivery ${id}.`);
    return found;
  };
  const money = (amount: string | number) => fromCents(toCents(typeof amount === 'number' ? amount.toFixed(2) : amount));

  return {
    // The Phoenix sockets' controls: scanQr, failQrCreation, dropSockets, setTelegramCode… (phoenix/controls.ts).
    ...createPhoenixControls(world, context),

    /** The developer master account's Bearer token (reads the developer balance at /api/v1/account). */
    developerToken: () => world.developer.token,

    /** Sets a customer's balance, or the developer's (which pays subscriptions). */
    setBalance(target: number | 'developer', amount: string | number): void {
      if (target === 'developer') world.developer.totalAmount = money(amount);
      else instance(target).account.totalAmount = money(amount);
    },

    /** Messenger session states as the platform reports them (§2 fields). WhatsApp changes raise their webhooks. */
    setInstanceState(
      customerId: number,
      state: { whatsapp?: { phone: string } | 'logged_out'; tdlibSession?: ChatpushInstanceRecord['tdlibSession']; whatsappQueueSize?: number },
    ): void {
      const target = instance(customerId);
      const now = engine.now();
      if (state.whatsapp === 'logged_out') logoutWhatsapp(world, target, now);
      else if (state.whatsapp) authorizeWhatsapp(world, target, state.whatsapp.phone, now);
      if (state.tdlibSession !== undefined) target.tdlibSession = state.tdlibSession;
      if (state.whatsappQueueSize !== undefined) target.whatsappQueueSize = state.whatsappQueueSize;
      engine.settle();
    },

    /**
     * A subscription's last paid day, auto-renew and cost. A day in the past lets the engine renew it (debiting
     * the developer) or mark it inactive, exactly as the passing of time would.
     */
    setSubscription(customerId: number, subscription: { paidUntil?: string; renew?: boolean; cost?: string | number }): void {
      engine.settle();
      const target = instance(customerId);
      if (subscription.paidUntil !== undefined) target.subscriptionPaidUntil = subscription.paidUntil;
      if (subscription.renew !== undefined) target.renewSubscription = subscription.renew;
      if (subscription.cost !== undefined) target.subscriptionCost = money(subscription.cost);
      engine.settle();
    },

    /**
     * Adds `count` instances in one pass (ten thousand take a fraction of a second): varied sessions and
     * subscriptions, external ids `<prefix><n>`, deterministic for the world's state.
     */
    seedInstances(count: number, options: { externalIdPrefix?: string } = {}): ChatpushInstanceRecord[] {
      engine.settle();
      const now = engine.now();
      const prng = createPrng(world.nextIds.customer ^ count);
      const prefix = options.externalIdPrefix ?? 'fleet-';
      const created: ChatpushInstanceRecord[] = [];
      for (let i = 0; i < count; i++) {
        const customerId = world.nextIds.customer;
        const record = newInstance(
          world,
          {
            email: `fleet${customerId}@example.com`,
            phone: `99559${String(customerId).padStart(7, '0')}`,
            password: 'fleet1234',
            externalId: `${prefix}${i + 1}`,
            dispatchRouting: [prng.pick(['whatsapp', 'sms', 'tdlib'])],
            renewSubscription: prng.chance(0.6),
          },
          now,
          prng,
        );
        const authorized = prng.chance(0.6);
        record.whatsappSession = authorized ? 1 : 0;
        record.whatsappPhone = authorized ? record.phone : null;
        record.tdlibSession = prng.pick([0, 1, 3, 3, 4] as const);
        record.subscriptionPaidUntil = isoDate(now + prng.int(0, 90) * DAY_MS);
        world.instances.push(record);
        created.push(record);
      }
      return created;
    },

    /** Moves a delivery to its next status now (accepted → in progress → final). */
    advanceDelivery(id: number): void {
      const target = delivery(id);
      if (target.nextAt !== null) stepDelivery(world, target, engine.now());
      engine.settle();
    },

    /** Puts a delivery in a status now; a final one ends it and fires its callback (§6.7). */
    setDeliveryStatus(id: number, statusId: number): void {
      forceDeliveryStatus(world, delivery(id), statusId, engine.now());
      engine.settle();
    },

    /** The next delivery created lands in this final status (e.g. 45 WhatsApp not authorized) instead of the world's verdict. */
    landNextDeliveryIn(statusId: number): void {
      world.settings.nextDeliveryStatus = statusId;
    },

    /** Someone writes to the instance (§5.3 incoming webhooks; it also appears in the iFrame chats). */
    receiveMessage(customerId: number, message: { messenger: 'whatsapp' | 'tdlib'; from: string; text: string; name?: string }): void {
      receiveMessage(world, instance(customerId), message, engine.now());
      engine.settle();
    },

    /** Someone calls the instance (§5.3 whatsapp_call / tdlib_call). */
    receiveCall(customerId: number, call: { messenger: 'whatsapp' | 'tdlib'; from: string; video?: boolean }): void {
      receiveCall(world, instance(customerId), call, engine.now());
      engine.settle();
    },

    /** §4.4: the code the MAX login SMS would carry, after send_phone. */
    maxCode(customerId: number): string | undefined {
      return world.maxSessions.find((session) => session.customerId === customerId)?.code;
    },

    /** Callback retry interval and count, delivery pace, SMS price… */
    configure(settings: Partial<ChatpushSettings>): void {
      Object.assign(world.settings, settings);
    },

    /** Every callback and webhook POST the platform made or owes, with each attempt's HTTP status. */
    outbox: () => world.outbox,

    /** Settles and waits for every callback / webhook POST in flight. */
    flush: () => engine.flush(),
  };
}
export type ChatpushControls = ReturnType<typeof createChatpushControls>;
