import { customerIdFromToken } from '../jwt';
import { PhoenixChannelConnection, type ConnectionEvent, type ConnectionState, type PhoenixSessionOptions } from './channel-connection';
import { EventFeed } from './event-feed';
import { WhatsAppAuthStateSchema } from './payloads';

export type WhatsAppQrEvent =
  | ConnectionEvent
  /** A QR code to show: emitted when it changes, and once after each (re)join. */
  | { type: 'qr'; code: string }
  /** §4.1 "creation error": `{"auth":false,"qr_code":null}`. */
  | { type: 'qr_unavailable' }
  /** A phone is linking (`in_progress`, read by the doc's sample). */
  | { type: 'in_progress' }
  /** `{"auth":true}`: the QR code was scanned. */
  | { type: 'authorized' };

export interface WhatsAppQrSessionOptions extends PhoenixSessionOptions {
  /**
   * The room id. §4.1: "The room_id must match the client ID (customer_id)… obtained from the JWT token", so it
   * is read from the token unless given (⚠ §4.5: some documented tokens disagree with their bodies).
   */
  customerId?: number;
}

/**
 * The WhatsApp QR login of one instance (spec §4.1): joins `room:v1:whats_app:auth:<customer_id>` on the
 * msg-farmer socket and reports the QR code as it rotates. The platform repeats the same frame every 300 ms;
 * only changes are reported.
 */
export class WhatsAppQrSession {
  readonly topic: string;
  private readonly feed = new EventFeed<WhatsAppQrEvent>();
  private readonly connection: PhoenixChannelConnection;
  /** What the last auth_state said, so a repeated frame is not reported again. */
  private lastReported: string | null = null;

  constructor(options: WhatsAppQrSessionOptions) {
    const customerId = options.customerId ?? customerIdFromToken(options.token);
    this.topic = `room:v1:whats_app:auth:${customerId}`;
    this.connection = new PhoenixChannelConnection(options, {
      topic: this.topic,
      operation: 'whatsappQrSocket',
      action: 'waiting for the WhatsApp QR code',
      listen: { auth_state: (payload) => this.onAuthState(payload) },
      // After a rejoin the current QR code is reported again, even if it did not change meanwhile.
      onJoined: () => (this.lastReported = null),
      onEvent: (event) => this.feed.emit(event),
    });
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  onEvent(listener: (event: WhatsAppQrEvent) => void): () => void {
    return this.feed.subscribe(listener);
  }

  start(): void {
    this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  private onAuthState(payload: unknown): void {
    const parsed = WhatsAppAuthStateSchema.safeParse(payload);
    if (!parsed.success) return;
    const state = parsed.data;
    const key = state.kind === 'qr' ? `qr:${state.code}` : state.kind;
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.feed.emit(state.kind === 'qr' ? { type: 'qr', code: state.code } : { type: state.kind });
  }
}
