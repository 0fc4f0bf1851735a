import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../../../shared/errors';
import { initialWhatsAppQrState, reduceWhatsAppQr, whatsappQrView, type WhatsAppQrState } from './whatsapp-qr-machine';
import type { WhatsAppQrEvent } from './whatsapp-qr-session';

const refused: AppErrorShape = { code: 'forbidden', message: 'Jetapi refused the origin "https://x" (403). Add this origin to the allow-list.' };
const missed: AppErrorShape = { code: 'timeout', message: 'Jetapi did not answer a heartbeat within 30 s.' };
const run = (events: WhatsAppQrEvent[], from: WhatsAppQrState = initialWhatsAppQrState) => events.reduce(reduceWhatsAppQr, from);

describe('WhatsApp QR state machine', () => {
  it('connecting → waiting → showing the code, which may be cancelled', () => {
    const state = run([
      { type: 'connection', state: 'connecting' },
      { type: 'connection', state: 'joined' },
    ]);
    expect(whatsappQrView(state)).toMatchObject({ phase: 'waiting_for_qr', qr: null, actions: ['cancel'] });
    const showing = whatsappQrView(reduceWhatsAppQr(state, { type: 'qr', code: '2@a,b,c,d' }));
    expect(showing).toMatchObject({ phase: 'showing_qr', qr: { code: '2@a,b,c,d', stale: false }, actions: ['interrupt_authorization', 'cancel'] });
  });

  it('offers to interrupt a stuck container while a code shows, while the phone links and when no code comes, and nowhere else', () => {
    const joined = run([{ type: 'connection', state: 'joined' }]);
    const showing = reduceWhatsAppQr(joined, { type: 'qr', code: '2@a' });
    const linking = reduceWhatsAppQr(showing, { type: 'in_progress' });
    const unavailable = reduceWhatsAppQr(showing, { type: 'qr_unavailable' });
    for (const state of [showing, linking, unavailable]) expect(whatsappQrView(state).actions).toContain('interrupt_authorization');
    // A linking phone that the interrupt would drop: the way out is still there after a reconnect brings it back.
    expect(whatsappQrView(run([{ type: 'connection', state: 'reconnecting' }, { type: 'connection', state: 'joined' }, { type: 'in_progress' }], linking)).actions).toContain(
      'interrupt_authorization',
    );

    const elsewhere = [
      initialWhatsAppQrState,
      joined,
      reduceWhatsAppQr(showing, { type: 'connection', state: 'reconnecting' }),
      reduceWhatsAppQr(linking, { type: 'authorized' }),
      reduceWhatsAppQr(showing, { type: 'error', problem: 'origin_refused', fatal: true, error: refused }),
      reduceWhatsAppQr(showing, { type: 'connection', state: 'closed' }),
    ];
    for (const state of elsewhere) expect(whatsappQrView(state).actions).not.toContain('interrupt_authorization');
  });

  it('keeps the last code greyed out while reconnecting, with the passing problem as a notice', () => {
    const state = run([
      { type: 'connection', state: 'joined' },
      { type: 'qr', code: '2@old' },
      { type: 'error', problem: 'heartbeat_missed', fatal: false, error: missed },
      { type: 'connection', state: 'reconnecting' },
    ]);
    expect(whatsappQrView(state)).toMatchObject({ phase: 'reconnecting', qr: { code: '2@old', stale: true }, notice: missed, error: null });
    const back = whatsappQrView(run([{ type: 'connection', state: 'joined' }, { type: 'qr', code: '2@new' }], state));
    expect(back).toMatchObject({ phase: 'showing_qr', qr: { code: '2@new', stale: false }, notice: null });
  });

  it('a creation error offers to interrupt the authorization; the code comes back by itself', () => {
    const state = run([{ type: 'connection', state: 'joined' }, { type: 'qr', code: '2@a' }, { type: 'qr_unavailable' }]);
    expect(whatsappQrView(state)).toMatchObject({ phase: 'qr_unavailable', qr: null, actions: ['interrupt_authorization', 'cancel'] });
    expect(reduceWhatsAppQr(state, { type: 'qr', code: '2@b' }).phase).toBe('showing_qr');
  });

  it('scanning then authorized; authorized is final and offers only done', () => {
    const state = run([{ type: 'connection', state: 'joined' }, { type: 'qr', code: '2@a' }, { type: 'in_progress' }]);
    expect(whatsappQrView(state)).toMatchObject({ phase: 'linking', qr: null, actions: ['interrupt_authorization', 'cancel'] });
    const done = run([{ type: 'authorized' }, { type: 'connection', state: 'closed' }, { type: 'qr', code: '2@late' }], state);
    expect(whatsappQrView(done)).toMatchObject({ phase: 'authorized', qr: null, actions: ['done'] });
  });

  it('a fatal error stops the session with its words and offers retry', () => {
    const state = run([
      { type: 'connection', state: 'connecting' },
      { type: 'error', problem: 'origin_refused', fatal: true, error: refused },
      { type: 'connection', state: 'closed' },
    ]);
    const view = whatsappQrView(state);
    expect(view).toMatchObject({ phase: 'failed', error: refused, actions: ['retry', 'cancel'] });
    expect(view.message).toContain('Add this origin to the allow-list');
  });

  const events: fc.Arbitrary<WhatsAppQrEvent> = fc.oneof(
    fc.constantFrom('connecting', 'joined', 'reconnecting', 'closed').map((state) => ({ type: 'connection' as const, state })),
    fc.string({ minLength: 1 }).map((code) => ({ type: 'qr' as const, code: `2@${code}` })),
    fc.constantFrom({ type: 'qr_unavailable' as const }, { type: 'in_progress' as const }, { type: 'authorized' as const }),
    fc.boolean().map((fatal) => ({ type: 'error' as const, problem: 'unreachable' as const, fatal, error: missed })),
  );

  it('invariants: a fresh code is shown only in showing_qr, every phase offers a way out, final phases stay', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 30 }), (sequence) => {
        let state = initialWhatsAppQrState;
        for (const event of sequence) {
          const before = state.phase;
          state = reduceWhatsAppQr(state, event);
          if (before === 'authorized' || before === 'failed') expect(state.phase).toBe(before);
          const view = whatsappQrView(state);
          if (view.qr && !view.qr.stale) expect(view.phase).toBe('showing_qr');
          expect(view.actions.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
