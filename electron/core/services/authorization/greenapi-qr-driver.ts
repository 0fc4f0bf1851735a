import type { AuthAction } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import { QR_SCAN_TIMEOUT_MS, type GreenApiInstanceApi, type GreenApiQrEvent, type GreenApiQrFrame, type QrSocketSession } from '../../providers/greenapi';
import { FATAL_CODES, LINKED_STATES, problemOf, waitUntilReady, channelReadiness } from './greenapi-link-state';
import type { SessionChannel } from './session-channel';
import type { SessionDriver, Wait } from './session-driver';

export interface GreenApiQrOptions {
  /** 1.3.13: "through the API, poll every 2 seconds" (the limiter keeps it within §8.2's 3 requests/s). */
  pollIntervalMs: number;
  /** §2.7: "the QR code refreshes every 20 seconds": the countdown of a polled code. */
  polledCodeLifetimeMs: number;
  /** Scan windows opened again by themselves before the dialog asks for a click. */
  autoRenewals: number;
  /** Socket drops retried before falling back to HTTP polling. */
  socketRetries: number;
  /** How often the state is read after a scan, and for how long, before giving up. */
  confirmPollMs: number;
  confirmTimeoutMs: number;
}

export const DEFAULT_GREENAPI_QR_OPTIONS: GreenApiQrOptions = {
  pollIntervalMs: 2_000,
  polledCodeLifetimeMs: 20_000,
  autoRenewals: 2,
  socketRetries: 1,
  confirmPollMs: 2_000,
  confirmTimeoutMs: 120_000,
};

export interface GreenApiQrDeps {
  channel: SessionChannel;
  api: GreenApiInstanceApi;
  /** Opens the scanqrcode socket (§2.8); closing `signal` closes it. */
  openSocket(signal: AbortSignal): QrSocketSession;
  wait: Wait;
  now(): number;
  log: Logger;
  options?: Partial<GreenApiQrOptions>;
}

/** How one step of the flow ended. */
type Outcome =
  | { kind: 'scanned'; phone: string | null }
  | { kind: 'timeout' }
  | { kind: 'dropped' }
  | { kind: 'fallback' }
  | { kind: 'not_ready' }
  | { kind: 'done' };

const STARTING = /starting/i;

/**
 * The GREEN-API WhatsApp QR (specs/greenapi.md §2.7, §2.8, 1.3.13): the scanqrcode websocket first, for a code that
 * is always current, with its 100 s scan window as the countdown and reopened by itself twice before asking for a
 * click; HTTP `qr` every 2 s when the socket cannot be used. Success is confirmed by getStateInstance, not by the
 * socket alone. "Already logged" and the stale-auth error become an offer to log out.
 */
export class GreenApiQrDriver implements SessionDriver {
  private readonly options: GreenApiQrOptions;
  private run: AbortController | undefined;

  constructor(private readonly deps: GreenApiQrDeps) {
    this.options = { ...DEFAULT_GREENAPI_QR_OPTIONS, ...deps.options };
  }

  start(): void {
    const run = new AbortController();
    this.run = run;
    this.deps.channel.update({ phase: 'connecting', transport: 'socket', problem: null, error: null, notice: null, actions: [] });
    void this.flow(run.signal).catch((error: unknown) => this.failed(error, run.signal));
  }

  async stop(): Promise<void> {
    this.run?.abort();
    this.run = undefined;
  }

  async renew(): Promise<void> {
    await this.stop();
    this.start();
  }

  private async flow(signal: AbortSignal): Promise<void> {
    let renewals = 0;
    let drops = 0;
    for (;;) {
      let outcome = await this.socketWindow(signal);
      if (outcome.kind === 'dropped' && drops++ >= this.options.socketRetries) outcome = { kind: 'fallback' };
      switch (outcome.kind) {
        case 'scanned':
          return this.confirm(outcome.phone, signal);
        case 'timeout':
          if (renewals++ < this.options.autoRenewals) continue;
          return this.expired();
        case 'dropped':
          // The code on screen may no longer be the one GREEN-API expects: say so until the new socket sends one.
          this.deps.channel.update({ phase: 'reconnecting' });
          await this.deps.wait(1_000, signal);
          continue;
        case 'not_ready':
          await waitUntilReady(this.deps.api, channelReadiness(this.deps.channel), this.deps.wait, signal);
          continue;
        case 'fallback':
          return this.poll(signal);
        case 'done':
          return;
      }
    }
  }

  /** One scanqrcode connection, until a final frame, a failure or a drop. */
  private socketWindow(signal: AbortSignal): Promise<Outcome> {
    const { channel } = this.deps;
    const socketRun = new AbortController();
    const onAbort = () => socketRun.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const session = this.deps.openSocket(socketRun.signal);
    let windowEndsAt = this.deps.now() + QR_SCAN_TIMEOUT_MS;

    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        off();
        socketRun.abort();
        resolve(outcome);
      };
      const off = session.on((event: GreenApiQrEvent) => {
        if (signal.aborted) return settle({ kind: 'done' });
        switch (event.type) {
          case 'open':
            windowEndsAt = event.expiresAt;
            channel.update({ transport: 'socket', notice: null, ...(channel.current.phase === 'showing_qr' ? {} : { phase: 'waiting_for_qr' }) });
            return;
          case 'closed':
            return settle(signal.aborted ? { kind: 'done' } : { kind: 'dropped' });
          case 'failed': {
            if (FATAL_CODES.has(event.error.code)) {
              this.stuck('failed', event.error);
              return settle({ kind: 'done' });
            }
            channel.update({ notice: event.error.toShape() });
            return settle({ kind: 'dropped' });
          }
          default: {
            const outcome = this.onFrame(event, { expiresAt: windowEndsAt, lifetimeMs: QR_SCAN_TIMEOUT_MS });
            if (outcome) settle(outcome);
          }
        }
      });
      void session.ended.then(() => settle(signal.aborted ? { kind: 'done' } : { kind: 'dropped' }));
    });
  }

  /** HTTP `qr` every 2 s (§2.7), for as long as the socket's scan windows would have lasted. */
  private async poll(signal: AbortSignal): Promise<void> {
    const { channel, api, now, wait } = this.deps;
    const { pollIntervalMs, polledCodeLifetimeMs, autoRenewals } = this.options;
    channel.update({ transport: 'http' });
    const deadline = now() + (autoRenewals + 1) * QR_SCAN_TIMEOUT_MS;
    while (now() < deadline) {
      let frame: GreenApiQrFrame | null = null;
      try {
        frame = await api.qr({ signal });
      } catch (error) {
        if (signal.aborted || !(error instanceof AppError) || FATAL_CODES.has(error.code)) throw error;
        channel.update({ notice: error.toShape() });
      }
      const outcome = frame && this.onFrame(frame, { lifetimeMs: polledCodeLifetimeMs });
      if (outcome?.kind === 'scanned') return this.confirm(outcome.phone, signal);
      if (outcome?.kind === 'done') return;
      if (outcome?.kind === 'not_ready') await waitUntilReady(api, channelReadiness(channel), wait, signal);
      else await wait(pollIntervalMs, signal);
    }
    this.expired();
  }

  /** A `{type, message}` frame from either transport; undefined = nothing decided yet. */
  private onFrame(frame: GreenApiQrFrame, timing: { lifetimeMs: number; expiresAt?: number }): Outcome | undefined {
    const { channel } = this.deps;
    switch (frame.type) {
      case 'qrCode':
        channel.showQr('png', frame.image, timing);
        channel.update({ phase: 'showing_qr', problem: null, error: null, notice: null, actions: [] });
        return undefined;
      case 'accountData':
        return { kind: 'scanned', phone: frame.account.phone };
      case 'alreadyLogged':
        // After a code was on screen, "already logged" is the scan taking effect; before, a phone was linked already.
        if (channel.hasShownQr) return { kind: 'scanned', phone: null };
        channel.update({ phase: 'already_authorized', problem: 'already_authorized', error: null, notice: null, actions: ['logout'] });
        return { kind: 'done' };
      case 'timeout':
        return { kind: 'timeout' };
      case 'error':
        if (frame.needsLogout) {
          channel.update({ phase: 'needs_logout', problem: 'needs_logout', error: null, notice: null, actions: ['logout'] });
          return { kind: 'done' };
        }
        if (STARTING.test(frame.message)) return { kind: 'not_ready' };
        channel.update({
          notice: new AppError('provider_error', `GREEN-API could not give a QR code: ${frame.message}`, { provider: 'greenapi', operation: 'qr', providerMessage: frame.message }).toShape(),
        });
        return { kind: 'fallback' };
      case 'unknown':
        this.deps.log.debug('ignored a QR frame of an undocumented type', { provider: 'greenapi', type: frame.wireType });
        return undefined;
    }
  }

  /** After a scan: the state decides (1.3.13), read until it says authorized. */
  private async confirm(phone: string | null, signal: AbortSignal): Promise<void> {
    const { channel, api, now, wait } = this.deps;
    channel.update({ phase: 'linking', problem: null, notice: null, actions: [] });
    const deadline = now() + this.options.confirmTimeoutMs;
    while (now() < deadline) {
      try {
        const { state } = await api.getStateInstance({ signal });
        if (state === 'authorized') {
          channel.update({ phase: 'authorized', phone, actions: [] });
          channel.end('authorized');
          return;
        }
        if (LINKED_STATES.has(state)) {
          const problem = state === 'blocked' ? 'instance_blocked' : 'provider';
          const error = new AppError('provider_error', `WhatsApp is linked, but GREEN-API reports the instance as ${state}.`, { provider: 'greenapi', operation: 'getStateInstance', providerMessage: state });
          // A banned account: the next step offers a logout (to link another phone) beside trying again.
          return this.stuck('failed', error, problem, state === 'blocked' ? ['logout', 'retry'] : ['retry']);
        }
      } catch (error) {
        if (signal.aborted || !(error instanceof AppError) || FATAL_CODES.has(error.code)) throw error;
        channel.update({ notice: error.toShape() });
      }
      await wait(this.options.confirmPollMs, signal);
    }
    const seconds = Math.round(this.options.confirmTimeoutMs / 1000);
    this.stuck('failed', new AppError('timeout', `The code was scanned, but GREEN-API did not report the instance as authorized within ${seconds} s. Check the phone, then try again.`, { provider: 'greenapi', operation: 'getStateInstance' }), 'provider');
  }

  private expired(): void {
    this.deps.channel.update({ phase: 'expired', problem: 'qr_timeout', notice: null, actions: ['newCode'] });
  }

  private stuck(phase: 'failed', error: AppError, problem = problemOf(error), actions: AuthAction[] = ['retry']): void {
    this.deps.channel.update({ phase, problem, error: error.toShape(), notice: null, actions });
  }

  private failed(error: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    if (error instanceof AppError) return this.stuck('failed', error);
    this.deps.log.error('GREEN-API QR session failed', { error: error instanceof Error ? error.message : String(error) });
    this.stuck('failed', new AppError('internal', 'Something went wrong inside Switchboard. The details are in the log.'));
  }
}
