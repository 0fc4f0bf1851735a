import type { SandboxContext } from '../clock';
import { createPrng, type Prng } from '../prng';
import { Agenda } from './agenda';
import { Journal } from './journal';
import { NotificationQueue } from './notification-queue';
import { processOutbox } from './outbox';
import { QrImages } from './qr-images';
import { MonthlyUsage } from './quotas';
import { RateWindows } from './rate-window';
import { deliverWebhooks } from './webhook-delivery';
import type { GreenApiInstanceRecord, GreenApiStateValue, GreenApiWorld } from './world';

/** A send waiting in the queue (§6 showMessagesQueue item). */
export interface QueuedSend {
  messageID: string;
  type: 'sendMessage';
  body: { chatId: string; message: string; quotedMessageId?: string; linkPreview: boolean };
  queuedAt: number;
}

export interface WebhookAttempt {
  receiptId: number;
  /** The HTTP status the webhook answered, or 0 when it could not be reached or timed out. */
  status: number;
  at: number;
}

/** A scanqrcode websocket waiting for a scan. */
export interface QrWaiter {
  authorized(): void;
  /** Cuts the socket's TCP connection without a close frame, as a network drop would. */
  drop(): void;
}

/** What the simulator keeps per instance beyond the record: made on first use, so idle instances cost nothing. */
export interface InstanceRuntime {
  notifications: NotificationQueue;
  delivering: boolean;
  webhookAttempts: WebhookAttempt[];
  outbox: QueuedSend[];
  lastSentAt: number;
  cancelSendTick?: () => void;
  journal: Journal;
  cancelRestart?: () => void;
  /** The state a restart returns to. */
  resumeState?: GreenApiStateValue;
  pairing?: { code: string; phone: string; expiresAt: number };
  /** A control asked for the next getAuthorizationCode to answer `{"status": false}` (§2.9). */
  failNextPairingCode: boolean;
  /** When the instance last became unauthorized: QR codes rotate from here. */
  qrEpoch: number;
  qr: QrImages;
  profilePictureAt?: number;
  usage: MonthlyUsage;
  qrWaiters: Set<QrWaiter>;
}

/** A settings key that switches a notification type on (§3, §14.15), or a rule over the settings. */
export type NotificationGate = string | ((settings: Record<string, string | number>) => boolean) | 'always';

const engines = new WeakMap<GreenApiWorld, GreenApiEngine>();

/** The one engine of a world: the servers and the controls share it. */
export function greenApiEngine(world: GreenApiWorld, context: SandboxContext): GreenApiEngine {
  let engine = engines.get(world);
  if (!engine) {
    engine = new GreenApiEngine(world, context);
    engines.set(world, engine);
  }
  return engine;
}

/**
 * The running GREEN-API simulator over the world model: instance lifecycle, notifications, the send queue and
 * journals, all on the sandbox clock (specs/greenapi.md §14).
 */
export class GreenApiEngine {
  readonly agenda: Agenda;
  readonly rates = new RateWindows();
  readonly prng: Prng;
  private readonly runtimes = new Map<string, InstanceRuntime>();
  private index = new Map<string, GreenApiInstanceRecord>();
  private indexedLength = -1;
  private readonly closer = new AbortController();

  constructor(
    readonly world: GreenApiWorld,
    readonly context: SandboxContext,
  ) {
    this.agenda = new Agenda(context.clock);
    this.prng = createPrng(world.runtimeSeed);
    // §14.4: instances seeded as "being created" finish within the creation window.
    for (const instance of world.instances) if (instance.state === null) this.finishCreationLater(instance);
  }

  /** Sandbox time, as the agenda sees it (the due time of an entry while catching up after a clock jump). */
  now(): number {
    return this.agenda.now();
  }

  /** UNIX seconds of sandbox time, as every notification and journal entry carries it. */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  get closing(): boolean {
    return this.closer.signal.aborted;
  }

  /** Aborts what the simulator itself has in flight (webhook POSTs) when the sandbox closes. */
  get closedSignal(): AbortSignal {
    return this.closer.signal;
  }

  close(): void {
    this.closer.abort();
    this.agenda.close();
    if (engines.get(this.world) === this) engines.delete(this.world);
  }

  /** By idInstance; the index follows the world's array (tests push to it and edit it directly). */
  find(idInstance: string): GreenApiInstanceRecord | undefined {
    const hit = this.indexedLength === this.world.instances.length ? this.index.get(idInstance) : undefined;
    if (hit?.idInstance === idInstance) return hit;
    this.index = new Map(this.world.instances.map((instance) => [instance.idInstance, instance]));
    this.indexedLength = this.world.instances.length;
    return this.index.get(idInstance);
  }

  runtime(instance: GreenApiInstanceRecord): InstanceRuntime {
    let runtime = this.runtimes.get(instance.idInstance);
    if (!runtime) {
      runtime = {
        notifications: new NotificationQueue(this.prng.int(1_000_000, 9_000_000)),
        delivering: false,
        webhookAttempts: [],
        outbox: [],
        lastSentAt: Number.NEGATIVE_INFINITY,
        journal: new Journal(),
        failNextPairingCode: false,
        qrEpoch: this.now(),
        qr: new QrImages(),
        usage: new MonthlyUsage(),
        qrWaiters: new Set(),
      };
      this.runtimes.set(instance.idInstance, runtime);
    }
    return runtime;
  }

  /** Uppercase hex ids like the doc's `3EB0C767D097B7C7C030`. */
  newId(length = 20): string {
    return this.prng.hex(length).toUpperCase();
  }

  wid(instance: GreenApiInstanceRecord): string {
    return String(instance.settings.wid ?? '');
  }

  // ——— Lifecycle (§4) ———

  /**
   * Moves the state and, when `stateWebhook` is on, says so (§5.3, §14.15): stateInstanceChanged, and
   * statusInstanceChanged for the socket — `online` just before an instance becomes authorized, `offline` just after
   * it stops being so.
   */
  setState(instance: GreenApiInstanceRecord, state: GreenApiStateValue | null): void {
    const previous = instance.state;
    instance.state = state;
    if (state === previous || state === null) return;
    if (state === 'notAuthorized') this.runtime(instance).qrEpoch = this.now();
    if (state === 'authorized') this.emit(instance, 'statusInstanceChanged', { statusInstance: 'online' }, 'stateWebhook');
    this.emit(instance, 'stateInstanceChanged', { stateInstance: state }, 'stateWebhook');
    if (previous === 'authorized') this.emit(instance, 'statusInstanceChanged', { statusInstance: 'offline' }, 'stateWebhook');
    if (state === 'authorized') this.kickOutbox(instance);
  }

  /** A QR scan or an entered pairing code linked `phone` (§2.7–2.9). */
  authorize(instance: GreenApiInstanceRecord, phone: string): void {
    const runtime = this.runtime(instance);
    instance.phone = phone;
    instance.settings.wid = `${phone}@c.us`;
    instance.staleAuth = false;
    runtime.pairing = undefined;
    this.setState(instance, 'authorized');
    for (const waiter of [...runtime.qrWaiters]) waiter.authorized();
  }

  /** §2.6 logout: unlinks the account. */
  logout(instance: GreenApiInstanceRecord): void {
    instance.phone = '';
    instance.avatar = '';
    instance.settings.wid = '';
    instance.staleAuth = false;
    this.runtime(instance).pairing = undefined;
    this.setState(instance, 'notAuthorized');
  }

  /**
   * `starting` for `ms`, then back to where it was (§2.2 setSettings, §2.5 reboot). `settle` may pick another state
   * to come back to (a reboot clears yellowCard).
   */
  restart(instance: GreenApiInstanceRecord, ms: number, settle: (resume: GreenApiStateValue) => GreenApiStateValue = (resume) => resume): void {
    if (instance.state === null) return;
    const runtime = this.runtime(instance);
    runtime.cancelRestart?.();
    const resume = runtime.resumeState ?? instance.state;
    runtime.resumeState = resume;
    this.setState(instance, 'starting');
    runtime.cancelRestart = this.agenda.after(ms, () => {
      runtime.resumeState = undefined;
      runtime.cancelRestart = undefined;
      this.setState(instance, settle(resume));
    });
  }

  /** §14.4: `null` until the creation window ends, then notAuthorized. */
  finishCreationLater(instance: GreenApiInstanceRecord): void {
    this.agenda.after(this.world.timings.creatingWindowMs, () => {
      if (instance.state === null) this.setState(instance, 'notAuthorized');
    });
  }

  /** §2.2: the values take effect after the configured delay (immediately at 0). */
  applySettings(instance: GreenApiInstanceRecord, patch: Record<string, string | number>): void {
    const apply = () => {
      Object.assign(instance.settings, patch);
      this.kickDelivery(instance);
      this.kickOutbox(instance);
    };
    const delay = this.world.timings.settingsApplyDelayMs;
    if (delay > 0) this.agenda.after(delay, apply);
    else apply();
  }

  // ——— Notifications (§5) ———

  /**
   * Queues a notification in the documented envelope — typeWebhook, instanceData{idInstance:int, wid,
   * typeInstance:"whatsapp"}, timestamp in UNIX seconds — if the settings let this type through.
   */
  emit(instance: GreenApiInstanceRecord, typeWebhook: string, fields: Record<string, unknown>, gate: NotificationGate): boolean {
    if (!this.gateOpen(instance, gate)) return false;
    const body = {
      typeWebhook,
      instanceData: { idInstance: Number(instance.idInstance), wid: this.wid(instance), typeInstance: 'whatsapp' },
      timestamp: this.seconds(),
      ...fields,
    };
    this.runtime(instance).notifications.push(body, this.now());
    this.kickDelivery(instance);
    return true;
  }

  /** Webhook mode (§5.2): when a webhookUrl is set, the queue is POSTed there instead of waiting to be polled. */
  private kickDelivery(instance: GreenApiInstanceRecord): void {
    if (String(instance.settings.webhookUrl ?? '') !== '') deliverWebhooks(this, instance);
  }

  private gateOpen(instance: GreenApiInstanceRecord, gate: NotificationGate): boolean {
    if (gate === 'always') return true;
    if (typeof gate === 'function') return gate(instance.settings);
    return instance.settings[gate] === 'yes';
  }

  // ——— Sending (§7, §8.4) ———

  /** Sends what is due, if anything was ever queued for this instance. */
  kickOutbox(instance: GreenApiInstanceRecord): void {
    if (this.runtimes.has(instance.idInstance)) processOutbox(this, instance);
  }
}
