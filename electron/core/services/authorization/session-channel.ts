import type { AuthEndReason, AuthEvent, AuthPhase, AuthQr, AuthSession, AuthState, PairingCode } from '../../../../shared/auth';

type EndReason = AuthEndReason;
type Push = AuthEvent extends infer E ? (E extends AuthEvent ? Omit<E, 'sessionId' | 'revision'> : never) : never;

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
  private revision = 0;
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
    this.push({ type: 'state', state: next });
  }

  /**
   * A QR code received now; pushed only when its content differs from the one on screen, or when the same code got
   * a new deadline (GREEN-API reopened its scan window and the image had not rotated yet).
   */
  showQr(format: AuthQr['format'], data: string, timing: { lifetimeMs: number; expiresAt?: number }): boolean {
    if (this.endedWith) return false;
    const same = this.qr !== null && this.qr.format === format && this.qr.data === data;
    if (same && (timing.expiresAt === undefined || timing.expiresAt === this.qr!.expiresAt)) return false;
    const receivedAt = this.now();
    if (!same) this.serial += 1;
    this.qr = { format, data, serial: this.serial, receivedAt, expiresAt: timing.expiresAt ?? receivedAt + timing.lifetimeMs, lifetimeMs: timing.lifetimeMs };
    this.push({ type: 'qr', qr: this.qr });
    return !same;
  }

  showCode(code: string, lifetimeMs: number): void {
    if (this.endedWith) return;
    this.code = { code, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    this.push({ type: 'code', code: this.code });
  }

  end(reason: EndReason): void {
    if (this.endedWith) return;
    this.endedWith = reason;
    this.push({ type: 'ended', reason });
  }

  snapshot(meta: Pick<AuthSession, 'accountId' | 'instance' | 'method'>): AuthSession {
    return { sessionId: this.sessionId, revision: this.revision, ...meta, state: this.state, qr: this.qr, code: this.code };
  }

  private push(event: Push): void {
    this.revision += 1;
    this.emit({ ...event, sessionId: this.sessionId, revision: this.revision } as AuthEvent);
  }
}
