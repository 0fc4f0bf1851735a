import type { SandboxContext } from '../clock';
import { greenApiEngine, type GreenApiEngine } from './engine';
import { LINKED_STATES } from './method-table';
import { greenApiInstanceRecord, simulatedPhone, type GreenApiInstanceRecord, type GreenApiStateValue, type GreenApiWorld } from './world';

/**
 * What tests and the demo can do to the simulated GREEN-API world beyond plain state edits: the phone side of
 * linking (scan a QR, enter a pairing code), messages and calls arriving, tariffs and quotas, whole fleets of
 * instances. Each control changes the world the way the real service would, notifications included.
 */
export function createGreenApiControls(world: GreenApiWorld, context: SandboxContext) {
  const engine = greenApiEngine(world, context);
  const instance = (idInstance: string) => mustFind(engine, idInstance);

  return {
    /**
     * The phone scans the current QR code (§2.7/§2.8): the instance links `phone` (a made-up number by default),
     * open scanqrcode sockets get `accountData`, and stateInstanceChanged goes out if stateWebhook is on.
     */
    scanQr(idInstance: string, phone?: string): string {
      const record = instance(idInstance);
      if (record.state !== 'notAuthorized' && record.state !== 'blocked') {
        throw new Error(`GREEN-API sandbox: instance ${idInstance} shows no QR code in state ${String(record.state)}.`);
      }
      if (record.staleAuth) throw new Error(`GREEN-API sandbox: instance ${idInstance} must log out first (stale auth).`);
      const number = phone ?? simulatedPhone(engine.prng);
      engine.authorize(record, number);
      return `${number}@c.us`;
    },

    /**
     * The phone enters the pairing code getAuthorizationCode returned (§2.9). Returns false when there is none, it
     * does not match, or it expired (about 150 s).
     */
    enterPairingCode(idInstance: string, code?: string): boolean {
      const record = instance(idInstance);
      const pairing = engine.runtime(record).pairing;
      if (!pairing || engine.now() >= pairing.expiresAt || (code !== undefined && code !== pairing.code)) return false;
      engine.authorize(record, pairing.phone);
      return true;
    },

    /** Cuts the TCP connection of the instance's open scanqrcode sockets, as a network drop would. Returns how many. */
    dropQrSockets(idInstance: string): number {
      const waiters = [...engine.runtime(instance(idInstance)).qrWaiters];
      for (const waiter of waiters) waiter.drop();
      return waiters.length;
    },

    /** Makes the next getAuthorizationCode answer `{"status": false}` (§2.9 "retry"). */
    failNextPairingCode(idInstance: string): void {
      engine.runtime(instance(idInstance)).failNextPairingCode = true;
    },

    /** Sets the state as the service would report it, with its notification; `null` is "being created". */
    setState(idInstance: string, state: GreenApiStateValue | null): void {
      const record = instance(idInstance);
      if (state !== null && LINKED_STATES.has(state) && !record.phone) {
        record.phone = simulatedPhone(engine.prng);
        record.settings.wid = `${record.phone}@c.us`;
      }
      engine.setState(record, state);
      if (state === null) engine.finishCreationLater(record);
    },

    /** §2.7: auth data exists but is unusable — qr answers "Instance has auth. You need to make log out". */
    setStaleAuth(idInstance: string, stale = true): void {
      instance(idInstance).staleAuth = stale;
    },

    /** §8.3: `Instance is deleted` / `Instance account is expired…` on every call. */
    setLifecycle(idInstance: string, lifecycle: GreenApiInstanceRecord['lifecycle']): void {
      instance(idInstance).lifecycle = lifecycle;
    },

    /** §8.1: Developer (monthly quotas, 3 chats) or Business. */
    setTariff(idInstance: string, tariff: GreenApiInstanceRecord['tariff']): void {
      instance(idInstance).tariff = tariff;
    },

    /** Sets this month's count of a quota-limited method, to reach a quota without a thousand calls. */
    setQuotaUsage(idInstance: string, method: string, used: number): void {
      engine.runtime(instance(idInstance)).usage.setUsed(method, used, engine.now());
    },

    /**
     * Adds `count` instances cheaply (records only: no timers, no images until used) and returns their credentials.
     * A new instance is "being created" (`null`) for the creation window when `state` is null.
     */
    seedInstances(count: number, options: { state?: GreenApiStateValue | null; tariff?: GreenApiInstanceRecord['tariff'] } = {}) {
      const state = options.state === undefined ? 'notAuthorized' : options.state;
      const last = world.instances.reduce((max, record) => Math.max(max, Number(record.idInstance)), 1_101_000_000);
      const added: { idInstance: string; apiTokenInstance: string; label: string }[] = [];
      for (let index = 1; index <= count; index++) {
        const record = greenApiInstanceRecord(engine.prng, String(last + index), `Seeded ${index}`, state, options.tariff);
        world.instances.push(record);
        if (state === null) engine.finishCreationLater(record);
        added.push({ idInstance: record.idInstance, apiTokenInstance: record.apiTokenInstance, label: record.label });
      }
      return added;
    },

    /**
     * A message arrives from `chatId` (§5.3 incomingMessageReceived, with `incomingWebhook`; the journal keeps it
     * likewise). On the Developer tariff a 4th chat is dropped with a quotaExceeded notification instead.
     */
    pushIncomingMessage(idInstance: string, input: { chatId: string; text: string; senderName?: string }): string | undefined {
      const record = instance(idInstance);
      if (!record.state || !LINKED_STATES.has(record.state)) {
        throw new Error(`GREEN-API sandbox: instance ${idInstance} is not linked to WhatsApp; nothing can arrive.`);
      }
      const runtime = engine.runtime(record);
      if (record.tariff === 'developer') {
        const refusal = runtime.usage.correspond(input.chatId, 'receive', engine.now());
        if (refusal?.notification) {
          engine.emit(record, 'quotaExceeded', { quotaData: refusal.notification }, 'always');
          return undefined;
        }
      }
      const idMessage = engine.newId(32);
      const senderName = input.senderName ?? 'Sandbox contact';
      engine.emit(
        record,
        'incomingMessageReceived',
        {
          idMessage,
          senderData: { chatId: input.chatId, sender: input.chatId, chatName: senderName, senderName, senderContactName: senderName },
          messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: input.text } },
        },
        'incomingWebhook',
      );
      // §6: "incoming entries need incomingWebhook".
      if (record.settings.incomingWebhook === 'yes') {
        runtime.journal.add(
          {
            type: 'incoming',
            idMessage,
            timestamp: engine.seconds(),
            typeMessage: 'textMessage',
            chatId: input.chatId,
            textMessage: input.text,
            senderId: input.chatId,
            senderName,
            senderContactName: senderName,
          },
          engine.now() + world.timings.journalLagMs,
        );
      }
      return idMessage;
    },

    /**
     * A call (§5.3 incomingCall): always two notifications, `offer` then the outcome. The call page asks only for
     * incomingCallWebhook; the settings notes add incomingWebhook (§13.7): the page's reading is used.
     */
    pushIncomingCall(idInstance: string, input: { from: string; outcome: 'pickUp' | 'hangUp' | 'missed' | 'declined' }): string {
      const record = instance(idInstance);
      const idMessage = engine.newId(32);
      for (const status of ['offer', input.outcome]) {
        engine.emit(record, 'incomingCall', { from: input.from, status, idMessage }, 'incomingCallWebhook');
      }
      return idMessage;
    },

    /** What WhatsApp makes of a recipient: no account, a group the sender is not in, or (undefined) a normal chat. */
    setRecipient(chatId: string, fate: 'noAccount' | 'notInGroup' | undefined): void {
      if (fate) world.recipients[chatId] = fate;
      else delete world.recipients[chatId];
    },

    /** The notifications still queued, oldest first (what receiveNotification or the webhook will hand out next). */
    queuedNotifications(idInstance: string) {
      return engine.runtime(instance(idInstance)).notifications.list().map(({ receiptId, body }) => ({ receiptId, body }));
    },

    /** Empties the notification queue, as if every receipt had been deleted. */
    dropNotifications(idInstance: string): void {
      const queue = engine.runtime(instance(idInstance)).notifications;
      for (const { receiptId } of [...queue.list()]) queue.delete(receiptId);
    },

    /**
     * §8.1 / §5.3: a linked Developer-tariff instance with an empty queue hears from a 4th chat this month, so the
     * queue's head is a quotaExceeded notification (and sends to a new chat get 466). Returns the chats it heard.
     */
    overflowChatQuota(idInstance: string): string[] {
      if (instance(idInstance).state !== 'authorized') this.scanQr(idInstance);
      this.dropNotifications(idInstance);
      this.setTariff(idInstance, 'developer');
      const chats = [1, 2, 3, 4].map((n) => `7900000000${n}@c.us`);
      for (const chatId of chats) this.pushIncomingMessage(idInstance, { chatId, text: 'hi' });
      return chats;
    },

    /** Every webhook POST attempt: receipt, the status the endpoint answered (0: unreachable or timed out), when. */
    webhookAttempts(idInstance: string) {
      return [...engine.runtime(instance(idInstance)).webhookAttempts];
    },
  };
}
export type GreenApiControls = ReturnType<typeof createGreenApiControls>;

function mustFind(engine: GreenApiEngine, idInstance: string): GreenApiInstanceRecord {
  const record = engine.find(idInstance);
  if (!record) throw new Error(`GREEN-API sandbox: no instance ${idInstance}.`);
  return record;
}
