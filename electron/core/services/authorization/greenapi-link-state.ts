import type { AuthProblem, LinkState } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import type { GreenApiInstanceApi, GreenApiState } from '../../providers/greenapi';
import type { SessionChannel } from './session-channel';
import type { Wait } from './session-driver';

/** GREEN-API's states that mean a phone is linked (specs/greenapi.md §4). */
export const LINKED_STATES: ReadonlySet<GreenApiState> = new Set(['authorized', 'blocked', 'sleepMode', 'yellowCard']);

export const linkStateOf = (state: GreenApiState): LinkState => state;

/** Errors that retrying cannot fix: wrong idInstance or token, a bad URL. */
export const FATAL_CODES: ReadonlySet<string> = new Set(['auth_failed', 'forbidden', 'invalid_input', 'provider_not_found', 'quota_exceeded']);

export const problemOf = (error: AppError): AuthProblem => (FATAL_CODES.has(error.code) ? 'credentials' : 'provider');

/** 1.3.13: poll getStateInstance every 5 s while the instance is being created or is starting. */
export const NOT_READY_POLL_MS = 5_000;

/**
 * Waits while the instance is being created (`null`) or starting, polling every 5 s and showing why; returns the
 * first other state. Transient errors are shown as a notice and the polling goes on.
 */
export async function waitUntilReady(api: GreenApiInstanceApi, channel: SessionChannel, wait: Wait, signal: AbortSignal): Promise<GreenApiState> {
  for (;;) {
    let state: GreenApiState | null = null;
    try {
      state = (await api.getStateInstance({ signal })).state;
    } catch (error) {
      if (signal.aborted) throw error;
      if (!(error instanceof AppError) || FATAL_CODES.has(error.code)) throw error;
      channel.update({ notice: error.toShape() });
    }
    if (state !== null && state !== 'creating' && state !== 'starting') return state;
    if (state !== null) {
      channel.update({
        phase: 'instance_not_ready',
        problem: state === 'creating' ? 'instance_creating' : 'instance_starting',
        error: null,
        actions: state === 'starting' ? ['reboot'] : [],
      });
    }
    await wait(NOT_READY_POLL_MS, signal);
  }
}
