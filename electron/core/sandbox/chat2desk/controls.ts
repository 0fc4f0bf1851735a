import type { Chat2DeskGatewayStatus } from '../../providers/chat2desk/events';
import type { SandboxContext } from '../clock';
import { devicePayload, messagePayload, newClientPayload, newRequestPayload, operatorStatusPayload, qrCodePayload } from './event-payloads';
import { chat2DeskRuntime } from './runtime';
import type { DeliveryAttempt } from './webhook-delivery';
import type { Chat2DeskClientRecord, Chat2DeskMessageRecord, Chat2DeskWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chat2Desk account: what the real service would do when a client
 * writes, a delivery status moves, an operator goes offline or a WhatsApp device breaks, each with its webhook.
 */
export function createChat2DeskControls(world: Chat2DeskWorld, context: SandboxContext) {
  const runtime = chat2DeskRuntime(world, context);
  const channel = (id: number) => {
    const found = world.channels.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no Chat2Desk channel ${id} in the sandbox`);
    return found;
  };

  return {
    /** A7 api_calls: the month's used and remaining requests (0 left of both: requests answer 403). */
    setApiCalls(calls: Partial<Chat2DeskWorld['company']['apiCalls']>): void {
      Object.assign(world.company.apiCalls, calls);
    },

    /** A2: a channel's WhatsApp daily limit of new clients. */
    setChannelDailyLimit(channelId: number, limit: { limit?: number; used?: number }): void {
      Object.assign(channel(channelId).whatsappDailyNewClientsLimit, limit);
    },

    /** companies/info `online`, as switch_mode sets it. */
    setWorkingMode(mode: 'online' | 'offline'): void {
      world.company.online = mode === 'online';
    },

    /**
     * A client writes in. An unknown `phone` becomes a new client on the channel (new_client, then new_request);
     * the message fires inbox. Returns the message id.
     */
    pushInbound(input: { text: string; clientId?: number; phone?: string; channelId?: number }): number {
      const now = runtime.now();
      let client = world.clients.find((candidate) => candidate.id === input.clientId || (input.phone !== undefined && candidate.phone === input.phone));
      const isNewClient = !client;
      if (!client) {
        const home = channel(input.channelId ?? world.channels[0]!.id);
        client = {
          id: world.nextIds.client++,
          phone: input.phone ?? `[id] ${world.nextIds.client}`,
          name: null,
          assignedName: null,
          channelId: home.id,
          transport: home.transports[0]!,
          dialogId: 4_000_000 + world.nextIds.client,
          requestId: 8_000_000 + world.nextIds.client,
        } satisfies Chat2DeskClientRecord;
        world.clients.push(client);
      }
      const message: Chat2DeskMessageRecord = {
        id: world.nextIds.message++,
        type: 'from_client',
        text: input.text,
        transport: client.transport,
        channelId: client.channelId,
        clientId: client.id,
        operatorId: null,
        dialogId: client.dialogId,
        requestId: client.requestId,
        createdMs: now,
        read: false,
        recipientStatus: null,
        statusPlan: [],
        extraData: {},
      };
      world.messages.push(message);
      if (isNewClient) {
        runtime.emit('new_client', newClientPayload(client, now), null);
        runtime.emit('new_request', newRequestPayload(client, message, now), client.channelId);
      }
      runtime.emit('inbox', messagePayload(world, message, 'inbox', { isNewClient, isNewRequest: isNewClient }), client.channelId);
      return message.id;
    },

    /** Moves an outgoing message's delivery status (any channel) and fires outbox_status. */
    moveMessageStatus(messageId: number, status: Chat2DeskGatewayStatus): void {
      const message = world.messages.find((candidate) => candidate.id === messageId);
      if (!message) throw new Error(`no Chat2Desk message ${messageId} in the sandbox`);
      message.recipientStatus = status;
      message.statusPlan = [];
      runtime.emitOutboxStatus(messageId, runtime.now());
    },

    /** An operator goes online or offline: operator_status_changed (hook_type operator_status_updated). */
    setOperatorOnline(operatorId: number, online: boolean): void {
      const operator = world.operators.find((candidate) => candidate.id === operatorId);
      if (!operator) throw new Error(`no Chat2Desk operator ${operatorId} in the sandbox`);
      operator.online = online;
      operator.statusId = online ? 0 : 1;
      runtime.emit('operator_status_changed', operatorStatusPayload(operator, runtime.now()), null);
    },

    /** A channel's device changes status: device_updated (hook_type device_update). */
    updateDevice(channelId: number, status = 'Created'): void {
      const target = channel(channelId);
      runtime.emit('device_updated', devicePayload(target.id, target.transports[0]!, status, runtime.now()), target.id);
    },

    /**
     * A personal WhatsApp connection breaks: new_qr_code with a fresh QR (A6). Without `qrData` the QR text is drawn
     * from the sandbox seed, so the same seed replays the same codes. Returns the QR text sent.
     */
    breakWhatsApp(channelId: number, qrData?: string): string {
      const target = channel(channelId);
      const data = qrData ?? `2@${runtime.prng.chars(11, '0123456789abcdefghijklmnopqrstuvwxyz')},sandbox`;
      runtime.emit('new_qr_code', qrCodePayload(data, Number(target.phone), runtime.now()), null);
      return data;
    },

    /** qr_decode answers `text` for this image URL. */
    registerQrImage(imageUrl: string, text: string): void {
      world.qrImages[imageUrl] = text;
    },

    /** The free webhook allowance (5), the send rate (20/s) and the retry time scale (1). */
    configure(settings: Partial<Chat2DeskWorld['settings']>): void {
      Object.assign(world.settings, settings);
      runtime.settle();
    },

    /** Every webhook delivery attempt so far, oldest first. */
    webhookAttempts(): readonly DeliveryAttempt[] {
      return runtime.deliveries.attempts;
    },

    /** Applies what is due by the sandbox clock and waits until no webhook delivery is in flight. */
    async settle(): Promise<void> {
      runtime.settle();
      await runtime.deliveries.idle();
    },
  };
}
export type Chat2DeskControls = ReturnType<typeof createChat2DeskControls>;
