import type { AuthProblem } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import type { GreenApiInstanceApi, GreenApiState } from '../../providers/greenapi';
import type { SessionChannel } from './session-channel';
import type { Wait } from './session-driver';

/** GREEN-API's states that mean a phone is linked (specs/greenapi.md §4). */
export const LINKED_STATES: ReadonlySet<GreenApiState> = new Set(['authorized', 'blocked', 'sleepMode', 'yellowCard']);

/** Errors that retrying cannot fix: wrong idInstance or token, a bad URL, a proxy that refuses (fixed in Network settings). */
export const FATAL_CODES: ReadonlySet<string> = new Set(['auth_failed', 'forbidden', 'invalid_input', 'provider_not_found', 'quota_exceeded', 'proxy_auth_required', 'proxy_refused']);

const PROXY_CODES: ReadonlySet<string> = new Set(['proxy_auth_required', 'proxy_refused']);

export const problemOf = (error: AppError): AuthProblem => (PROXY_CODES.has(error.code) ? 'proxy' : FATAL_CODES.has(error.code) ? 'credentials' : 'provider');

/** 1.3.13: poll getStateInstance every 5 s while the instance is being created or is starting. */
export const NOT_READY_POLL_MS = 5_000;

export interface ReadinessReport {
  /** Still being created or starting: what the session or job shows meanwhile. */
  waiting(state: 'creating' | 'starting'): void;
  /** A passing read failure; the polling goes on. */
  notice(error: AppError): void;
}

/**
 * Waits while the instance is being created (`null`) or starting, polling every 5 s (1.3.13) and reporting why;
 * returns the first other state. Errors retrying cannot fix end the wait.
 */
export async function waitUntilReady(api: GreenApiInstanceApi, report: ReadinessReport, wait: Wait, signal: AbortSignal): Promise<GreenApiState> {
  for (;;) {
    try {
      const { state } = await api.getStateInstance({ signal });
      if (state !== 'creating' && state !== 'starting') return state;
      report.waiting(state);
    } catch (error) {
      if (signal.aborted || !(error instanceof AppError) || FATAL_CODES.has(error.code)) throw error;
      report.notice(error);
    }
    await wait(NOT_READY_POLL_MS, signal);
  }
}

/** How a session shows the wait: its phase, the reason as the next step, a reboot offered for a long start. */
export const channelReadiness = (channel: SessionChannel): ReadinessReport => ({
  waiting: (state) =>
    channel.update({
      phase: 'instance_not_ready',
      problem: state === 'creating' ? 'instance_creating' : 'instance_starting',
      error: null,
      actions: state === 'starting' ? ['reboot'] : [],
    }),
  notice: (error) => channel.update({ notice: error.toShape() }),
});
