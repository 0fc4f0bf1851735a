import { errorReason } from '../../../../shared/error-reasons';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import type { GreenApiInstanceApi } from '../../providers/greenapi';
import { FATAL_CODES, LINKED_STATES, problemOf, waitUntilReady, channelReadiness } from './greenapi-link-state';
import type { SessionChannel } from './session-channel';
import type { SessionDriver, Wait } from './session-driver';

export interface PairingOptions {
  /** §2.9: "the code is valid for about 2.5 minutes". */
  codeLifetimeMs: number;
  /** How often the state is read while the code is on screen (getStateInstance: 1 request/s, §8.2). */
  statePollMs: number;
}

export const DEFAULT_PAIRING_OPTIONS: PairingOptions = { codeLifetimeMs: 150_000, statePollMs: 3_000 };

export interface PairingDeps {
  channel: SessionChannel;
  api: GreenApiInstanceApi;
  wait: Wait;
  now(): number;
  log: Logger;
  options?: Partial<PairingOptions>;
}

/**
 * GREEN-API "Link with phone number" (specs/greenapi.md §2.9): checks the instance is free, asks for a code for the
 * operator's number, shows it for its ~2.5 minutes, and reads the state until WhatsApp reports the link.
 */
export class GreenApiPairingDriver implements SessionDriver {
  private readonly options: PairingOptions;
  private run: AbortController | undefined;

  constructor(private readonly deps: PairingDeps) {
    this.options = { ...DEFAULT_PAIRING_OPTIONS, ...deps.options };
  }

  start(): void {
    const signal = this.restart();
    this.deps.channel.update({ phase: 'connecting', problem: null, error: null, notice: null, actions: [] });
    void this.guard(signal, () => this.checkFree(signal));
  }

  async stop(): Promise<void> {
    this.run?.abort();
    this.run = undefined;
  }

  async renew(): Promise<void> {
    this.start();
  }

  /** Asks for a code (up to 30 s, §2.9); the call returns once it is on screen, the state is then read in the background. */
  async requestCode(phone: string): Promise<void> {
    const signal = this.restart();
    const { channel, api } = this.deps;
    channel.update({ phase: 'requesting_code', problem: null, error: null, notice: null, actions: [] });
    try {
      const result = await api.getAuthorizationCode(phone, { signal });
      if (!result.status) {
        // §2.9: `status: false` means "an error occurred, repeat the request".
        const error = new AppError('provider_error', 'GREEN-API could not issue a pairing code this time. Request a new one.', {
          provider: 'greenapi',
          operation: 'getAuthorizationCode',
          ...errorReason('pairing_code_refused'),
        });
        channel.update({ phase: 'waiting_for_phone', problem: 'code_refused', error: error.toShape(), actions: ['requestCode'] });
        return;
      }
      channel.showCode(result.code, this.options.codeLifetimeMs);
      channel.update({ phase: 'showing_code', actions: ['requestCode'] });
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof AppError)) throw error;
      channel.update({ phase: 'waiting_for_phone', problem: problemOf(error), error: error.toShape(), actions: ['requestCode'] });
      return;
    }
    void this.guard(signal, () => this.watch(signal));
  }

  private restart(): AbortSignal {
    this.run?.abort();
    this.run = new AbortController();
    return this.run.signal;
  }

  /** §2.9: "the instance must be unauthorized; otherwise logout first". */
  private async checkFree(signal: AbortSignal): Promise<void> {
    const state = await waitUntilReady(this.deps.api, channelReadiness(this.deps.channel), this.deps.wait, signal);
    if (LINKED_STATES.has(state)) {
      this.deps.channel.update({ phase: 'already_authorized', problem: 'already_authorized', notice: null, actions: ['logout'] });
      return;
    }
    this.deps.channel.update({ phase: 'waiting_for_phone', problem: null, notice: null, actions: ['requestCode'] });
  }

  /** Reads the state until authorized, or until the code's life is over. */
  private async watch(signal: AbortSignal): Promise<void> {
    const { channel, api, now, wait } = this.deps;
    const expiresAt = now() + this.options.codeLifetimeMs;
    while (now() < expiresAt) {
      await wait(this.options.statePollMs, signal);
      try {
        const { state } = await api.getStateInstance({ signal });
        if (state === 'authorized') {
          channel.update({ phase: 'authorized', notice: null, actions: [] });
          channel.end('authorized');
          return;
        }
        channel.update({ notice: null });
      } catch (error) {
        if (signal.aborted || !(error instanceof AppError) || FATAL_CODES.has(error.code)) throw error;
        channel.update({ notice: error.toShape() });
      }
    }
    channel.update({ phase: 'expired', problem: 'qr_timeout', notice: null, actions: ['requestCode'] });
  }

  private async guard(signal: AbortSignal, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (signal.aborted) return;
      const shape = error instanceof AppError ? error : new AppError('internal', 'Something went wrong inside Switchboard. The details are in the log.');
      if (!(error instanceof AppError)) this.deps.log.error('GREEN-API pairing session failed', { error: String(error) });
      this.deps.channel.update({ phase: 'failed', problem: problemOf(shape), error: shape.toShape(), notice: null, actions: ['retry'] });
    }
  }
}
