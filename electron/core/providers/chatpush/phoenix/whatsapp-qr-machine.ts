import type { AppErrorShape } from '../../../../../shared/errors';
import type { WhatsAppQrEvent } from './whatsapp-qr-session';

/**
 * What the WhatsApp QR tab shows, as a pure function of the session's events (spec §4.1). The UI renders
 * `whatsappQrView(state)`; it never interprets socket events itself.
 */
export type WhatsAppQrPhase =
  | 'connecting'
  | 'waiting_for_qr'
  | 'showing_qr'
  | 'qr_unavailable'
  | 'linking'
  | 'authorized'
  | 'reconnecting'
  | 'failed'
  | 'closed';

/** `interrupt_authorization` = DELETE …/delete_container_session (§2), then a new session. */
export type WhatsAppQrAction = 'cancel' | 'retry' | 'interrupt_authorization' | 'done';

export interface WhatsAppQrState {
  phase: WhatsAppQrPhase;
  /** The last QR code received; kept while reconnecting so the UI can show it greyed out. */
  qrCode: string | null;
  /** Why the session stopped (a fatal error). */
  error: AppErrorShape | null;
  /** A passing problem (heartbeat missed, host unreachable) while the session recovers by itself. */
  notice: AppErrorShape | null;
}

export interface WhatsAppQrView {
  phase: WhatsAppQrPhase;
  /** What to draw as the QR image; `stale` = greyed out with a "reconnecting" overlay, not scannable. */
  qr: { code: string; stale: boolean } | null;
  /** English fallback line; the renderer words each phase itself. */
  message: string;
  error: AppErrorShape | null;
  notice: AppErrorShape | null;
  actions: WhatsAppQrAction[];
}

export const initialWhatsAppQrState: WhatsAppQrState = { phase: 'connecting', qrCode: null, error: null, notice: null };

/** Authorized and failed are final: nothing the socket says afterwards changes them. */
const FINAL: readonly WhatsAppQrPhase[] = ['authorized', 'failed'];

export function reduceWhatsAppQr(state: WhatsAppQrState, event: WhatsAppQrEvent): WhatsAppQrState {
  if (FINAL.includes(state.phase)) return state;
  switch (event.type) {
    case 'connection':
      switch (event.state) {
        case 'connecting':
          return { ...state, phase: 'connecting' };
        case 'joined':
          return { ...state, phase: 'waiting_for_qr', notice: null };
        case 'reconnecting':
          return { ...state, phase: 'reconnecting' };
        case 'closed':
          return { ...state, phase: 'closed' };
      }
      break;
    case 'qr':
      return { ...state, phase: 'showing_qr', qrCode: event.code };
    case 'qr_unavailable':
      return { ...state, phase: 'qr_unavailable', qrCode: null };
    case 'in_progress':
      return { ...state, phase: 'linking' };
    case 'authorized':
      return { ...state, phase: 'authorized', qrCode: null, notice: null };
    case 'error':
      return event.fatal ? { ...state, phase: 'failed', error: event.error, notice: null } : { ...state, notice: event.error };
  }
  return state;
}

/**
 * Interrupting (delete_container_session) is offered wherever the platform's container may be what is stuck: no
 * code comes, a code that never links, a scan that hangs in `in_progress`. It drops a phone halfway through
 * linking, so the UI asks first.
 */
const SCREEN: Record<WhatsAppQrPhase, { message: string; actions: WhatsAppQrAction[] }> = {
  connecting: { message: 'Connecting to the QR service…', actions: ['cancel'] },
  waiting_for_qr: { message: 'Waiting for the QR code…', actions: ['cancel'] },
  showing_qr: { message: 'Scan this code in WhatsApp: Settings → Linked devices → Link a device.', actions: ['interrupt_authorization', 'cancel'] },
  qr_unavailable: {
    message: 'The platform could not prepare a QR code. Wait a moment; if it does not come, interrupt the authorization and try again.',
    actions: ['interrupt_authorization', 'cancel'],
  },
  linking: { message: 'The code was scanned; linking the phone…', actions: ['interrupt_authorization', 'cancel'] },
  authorized: { message: 'WhatsApp is connected.', actions: ['done'] },
  reconnecting: { message: 'Connection lost; reconnecting…', actions: ['cancel'] },
  failed: { message: 'The QR login stopped.', actions: ['retry', 'cancel'] },
  closed: { message: 'The QR login is closed.', actions: ['retry'] },
};

export function whatsappQrView(state: WhatsAppQrState): WhatsAppQrView {
  const screen = SCREEN[state.phase];
  const showsQr = state.phase === 'showing_qr' || state.phase === 'reconnecting' || state.phase === 'waiting_for_qr';
  return {
    phase: state.phase,
    qr: showsQr && state.qrCode ? { code: state.qrCode, stale: state.phase !== 'showing_qr' } : null,
    message: state.error ? `${screen.message} ${state.error.message}` : screen.message,
    error: state.error,
    notice: state.notice,
    actions: screen.actions,
  };
}
