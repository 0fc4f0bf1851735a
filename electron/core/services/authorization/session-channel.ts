import type { AuthEvent, AuthPhase, AuthQr, AuthSession, AuthState, PairingCode } from '../../../../shared/auth';

type EndReason = Extract<AuthEvent, { type: 'ended' }>['reason'];

export const initialAuthState = (phase: AuthPhase): AuthState => ({
  phase,
  transport: null,
  problem: null,
  error: null,
  notice: null,
  actions: [],
  pending: null,
  commandError: null,
  phone: null,
});

/**
 * What one session tells the renderer. It keeps the last state, QR and pairing code, and pushes each only when it
 * changed: the platforms repeat the same QR every 300 ms, and the renderer must do no work for a repeat. After
 * `end`, nothing more is pushed.
 */
export class SessionChannel {
  private state: AuthState;
  private qr: AuthQr | null = null;
  private code: PairingCode | null = null;
  private serial = 0;
  private endedWith: EndReason | null = null;

  constructor(
    readonly sessionId: string,
    private readonly emit: (event: AuthEvent) => void,
    private readonly now: () => number,
    initial: AuthState,
  ) {
    this.state = initial;
  }

  get current(): AuthState {
    return this.state;
  }

  get ended(): EndReason | null {
    return this.endedWith;
  }

  /** Whether a QR code has been shown in this session (a later "already logged" then means it was scanned). */
  get hasShownQr(): boolean {
    return this.serial > 0;
  }

  /** Merges `patch` into the state; pushed only if something differs. */
  update(patch: Partial<AuthState>): void {
    if (this.endedWith) return;
    const next = { ...this.state, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.emit({ type: 'state', sessionId: this.sessionId, state: next });
  }

  /** A QR code received now; pushed only when its content differs from the one on screen. */
  showQr(format: AuthQr['format'], data: string, timing: { lifetimeMs: number; expiresAt?: number }): boolean {
    if (this.endedWith) return false;
    if (this.qr && this.qr.format === format && this.qr.data === data) return false;
    const receivedAt = this.now();
    this.serial += 1;
    this.qr = { format, data, serial: this.serial, receivedAt, expiresAt: timing.expiresAt ?? receivedAt + timing.lifetimeMs, lifetimeMs: timing.lifetimeMs };
    this.emit({ type: 'qr', sessionId: this.sessionId, qr: this.qr });
    return true;
  }

  showCode(code: string, lifetimeMs: number): void {
    if (this.endedWith) return;
    this.code = { code, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    this.emit({ type: 'code', sessionId: this.sessionId, code: this.code });
  }

  end(reason: EndReason): void {
    if (this.endedWith) return;
    this.endedWith = reason;
    this.emit({ type: 'ended', sessionId: this.sessionId, reason });
  }

  snapshot(meta: Pick<AuthSession, 'accountId' | 'instance' | 'method'>): AuthSession {
    return { sessionId: this.sessionId, ...meta, state: this.state, qr: this.qr, code: this.code };
  }
}
