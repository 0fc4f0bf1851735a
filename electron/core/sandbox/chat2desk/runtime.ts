import { CHAT2DESK_EVENTS, type Chat2DeskEventName } from '../../providers/chat2desk/events';
import type { SandboxContext } from '../clock';
import { createPrng, type Prng } from '../prng';
import { WebhookDeliveries } from './webhook-delivery';
import { chat2DeskEventTime, type Chat2DeskWorld } from './world';

const EVENTS = new Map(CHAT2DESK_EVENTS.map((event) => [event.name, event]));

/**
 * What the Chat2Desk simulator keeps besides the world's data: webhook deliveries in flight and due, the send-rate
 * window, and one timer that wakes the simulator when the next thing is due by the sandbox clock (delivery status
 * moves, retries, a hook to disable). The server's request handling and the controls share one runtime per world.
 */
export class Chat2DeskRuntime {
  readonly deliveries: WebhookDeliveries;
  /** What the simulator makes up while running, seeded from the world: one stream per world, however many controls. */
  readonly prng: Prng;
  private readonly sends: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly stopWatchingClock: () => void;
  private closed = false;

  constructor(
    readonly world: Chat2DeskWorld,
    private readonly context: SandboxContext,
  ) {
    this.prng = createPrng(world.runtimeSeed);
    this.deliveries = new WebhookDeliveries(world, () => this.now(), () => this.settle());
    this.stopWatchingClock = context.clock.onAdvance(() => this.settle());
  }

  now(): number {
    return this.context.clock.now();
  }

  /** Applies everything due by now: delivery statuses (with their outbox_status events), retries, disabling. */
  settle(): void {
    if (this.closed) return;
    const now = this.now();
    for (const message of this.world.messages) {
      while (message.statusPlan.length && message.statusPlan[0]!.atMs <= now) {
        const step = message.statusPlan.shift()!;
        message.recipientStatus = step.status;
        this.emitOutboxStatus(message.id, step.atMs);
      }
    }
    this.deliveries.settle();
    this.plan();
  }

  /**
   * Sends one event to every enabled hook subscribed to it. The `channels` filter applies only to channel events
   * (A6: operator and client events always arrive); `channelId` is the channel the event belongs to.
   */
  emit(name: Chat2DeskEventName, payload: Record<string, unknown>, channelId: number | null): void {
    const event = EVENTS.get(name)!;
    const body = JSON.stringify(payload);
    for (const hook of this.world.webhooks) {
      if (hook.status !== 'enable' || !hook.events.includes(name)) continue;
      if (event.channelScoped && hook.channels.length && (channelId === null || !hook.channels.includes(channelId))) continue;
      this.deliveries.enqueue(hook, name, body);
    }
    this.settle();
  }

  /** A8 outbox_status: the example carries `sent`, so every status change is reported, not only failures. */
  emitOutboxStatus(messageId: number, atMs: number): void {
    const message = this.world.messages.find((candidate) => candidate.id === messageId);
    if (!message) return;
    const payload = {
      data: {
        id: message.id,
        gateway_status: message.recipientStatus,
        created: `${new Date(message.createdMs).toISOString().slice(0, 19)} UTC`,
        dialog_id: message.dialogId,
        client_id: message.clientId,
        error: message.recipientStatus === 'failed' ? 'delivery failed' : null,
      },
      hook_type: 'outbox_status',
      event_time: chat2DeskEventTime(atMs),
    };
    this.emit('outbox_status', payload, message.channelId);
  }

  /** A2 / C10: at most `sendsPerSecond` POST /messages in any second of sandbox time. */
  admitSend(): boolean {
    const now = this.now();
    while (this.sends.length && this.sends[0]! <= now - 1000) this.sends.shift();
    if (this.sends.length >= this.world.settings.sendsPerSecond) return false;
    this.sends.push(now);
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.stopWatchingClock();
    this.deliveries.close();
  }

  private plan(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const times = this.world.messages.flatMap((message) => (message.statusPlan[0] ? [message.statusPlan[0].atMs] : []));
    const delivery = this.deliveries.nextWakeMs();
    if (delivery !== undefined) times.push(delivery);
    if (!times.length) return;
    const delay = Math.max(0, Math.min(...times) - this.now());
    this.timer = setTimeout(() => this.settle(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref();
  }
}

const runtimes = new WeakMap<Chat2DeskWorld, Chat2DeskRuntime>();

/** The one runtime of a world, made on first use. */
export function chat2DeskRuntime(world: Chat2DeskWorld, context: SandboxContext): Chat2DeskRuntime {
  let runtime = runtimes.get(world);
  if (!runtime) {
    runtime = new Chat2DeskRuntime(world, context);
    runtimes.set(world, runtime);
  }
  return runtime;
}
