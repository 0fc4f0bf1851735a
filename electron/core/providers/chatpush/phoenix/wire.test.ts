import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../redactor';
import { loadSeedDescriptionBlocks } from '../../golden/postman';
import { decodeFrame } from './frame-decoder';
import { TelegramAuthStateSchema, WhatsAppAuthStateSchema } from './payloads';
import { replyError, socketContext } from './socket-errors';

const ctx = socketContext({
  brand: 'jetapi',
  url: 'wss://api.jetapi.io/socket/websocket',
  operation: 'telegramSendPhone',
  action: 'sending the phone number for the Telegram login',
  redactor: new Redactor(),
  timeoutMs: 10_000,
});

/**
 * The socket frames are not Postman response examples: they sit as code blocks in the folder descriptions
 * (HTML). Every block that is a v2 frame is collected, with line wraps removed (the QR code is wrapped inside its
 * string in the docs).
 */
function documentedFrames(prefix: string): unknown[][] {
  const frames: unknown[][] = [];
  for (const { text } of loadSeedDescriptionBlocks(prefix)) {
    try {
      const value: unknown = JSON.parse(text.replace(/\n/g, ''));
      if (Array.isArray(value) && value.length === 5) frames.push(value);
    } catch {
      // Prose and the JavaScript sample are not frames.
    }
  }
  return frames;
}

describe('documented Phoenix frames (seeds 000 and 001, spec §4.1–4.2)', () => {
  for (const prefix of ['000', '001']) {
    it(`${prefix}: every server frame decodes and its payload parses`, () => {
      const frames = documentedFrames(prefix);
      const fromServer = frames.filter((frame) => frame[3] === 'auth_state' || frame[3] === 'phx_reply');
      expect(fromServer.length).toBeGreaterThanOrEqual(prefix === '000' ? 8 : 16);
      for (const raw of fromServer) {
        const message = decodeFrame(JSON.stringify(raw));
        expect(message, JSON.stringify(raw)).not.toBeNull();
        expect(message!.topic).toMatch(/^room:v1:(whats_app:auth:\d+|telegram:auth)$/);
        if (message!.event === 'auth_state') {
          const schema = message!.topic.includes('whats_app') ? WhatsAppAuthStateSchema : TelegramAuthStateSchema;
          expect(schema.safeParse(message!.payload).success, JSON.stringify(raw)).toBe(true);
        } else {
          const reply = message!.payload as { status: string; response: unknown };
          expect(['ok', 'error']).toContain(reply.status);
          expect(reply.response).toBeTypeOf('object');
          if (reply.status === 'error') expect(replyError(ctx, reply.response).details.fields).toEqual([{ path: 'base', message: 'invalid phone' }]);
        }
      }
    });
  }

  it('the documented QR push gives the unwrapped code; null and auth:true give their kinds', () => {
    const pushes = documentedFrames('001').filter((frame) => frame[3] === 'auth_state' && String(frame[2]).includes('whats_app'));
    const kinds = pushes.map((frame) => WhatsAppAuthStateSchema.parse(decodeFrame(JSON.stringify(frame))!.payload));
    expect(kinds).toContainEqual({ kind: 'qr_unavailable' });
    expect(kinds).toContainEqual({ kind: 'authorized' });
    const qr = kinds.find((kind) => kind.kind === 'qr');
    expect(qr).toEqual({
      kind: 'qr',
      code: '2@NqUcv7om4BWqrgF5D6jn51M1hptMR/lK+QmZAxm9aLCKEq9NMgH08slb1Ydmu1ywEWu8CFcUil8uGw==,XRJHShEHeWrVRFIyJys2I8WWjlml7m6hKL53oXH0bDA=,3wkQDqsvB0hT19CWs1OjuBD5sp/IFhT+qQmpTlHFYhE=,iDrOCe/r5/NzI+N3bZkjBX6GbIKW4EhTuplW9jb+/mY=',
    });
  });
});

describe('frame decoder tolerance', () => {
  it('turns integer refs into strings, so phoenix.js does not drop pushes for a join_ref mismatch', () => {
    expect(decodeFrame('[1,null,"room:v1:whats_app:auth:77","auth_state",{"auth":true}]')).toEqual({
      join_ref: '1',
      ref: null,
      topic: 'room:v1:whats_app:auth:77',
      event: 'auth_state',
      payload: { auth: true },
    });
  });

  it('reads the legacy `reply` body and the `number:v1:` topic of the legacy text', () => {
    expect(decodeFrame('[1,1,"number:v1:whats_app:auth:77","phx_reply",{"reply":{},"status":"ok"}]')).toMatchObject({
      topic: 'room:v1:whats_app:auth:77',
      payload: { status: 'ok', response: {} },
    });
  });

  it('reads serializer v1 objects and drops what is not a frame', () => {
    expect(decodeFrame('{"topic":"phoenix","event":"phx_reply","ref":"3","payload":{"status":"ok","response":{}}}')).toMatchObject({
      topic: 'phoenix',
      ref: '3',
      join_ref: null,
    });
    expect(decodeFrame('not json')).toBeNull();
    expect(decodeFrame('[1,2,3]')).toBeNull();
    expect(decodeFrame(new ArrayBuffer(4))).toBeNull();
  });
});

describe('payloads', () => {
  it('a Telegram status outside the documented list is kept as unknown (the docs print the placeholder "status_authorization")', () => {
    expect(TelegramAuthStateSchema.parse({ status: 'status_authorization' })).toEqual({ status: 'unknown', raw: 'status_authorization' });
    expect(TelegramAuthStateSchema.parse({ status: 'wait_qr_code' })).toEqual({ status: 'wait_qr_code' });
  });

  it('in_progress wins over a null code; an empty code is no code', () => {
    expect(WhatsAppAuthStateSchema.parse({ auth: false, in_progress: true, qr_code: null })).toEqual({ kind: 'in_progress' });
    expect(WhatsAppAuthStateSchema.parse({ auth: false, qr_code: '' })).toEqual({ kind: 'qr_unavailable' });
  });

  it('both §4.2 error shapes become a 422 validation error naming the provider, the operation and the field', () => {
    const clean = { meta: { code: 422, errors: { base: ['invalid phone'] }, message: 'Unprocessable Entity', status: 'fail', status_id: null } };
    const legacy = { meta: { code: 422, errors: { base: ['invalid phone'] }, connection: 'Raw object', status: 'failed', status_id: null } };
    for (const response of [clean, legacy]) {
      const error = replyError(ctx, response);
      expect(error.code).toBe('provider_validation');
      expect(error.message).toBe(
        'Jetapi rejected the request as invalid (422) while sending the phone number for the Telegram login on api.jetapi.io: base invalid phone.',
      );
      expect(error.details).toMatchObject({ provider: 'chatpush', operation: 'telegramSendPhone', status: 422 });
    }
    expect(replyError(ctx, { reason: 'unauthorized' })).toMatchObject({ code: 'provider_error', details: { providerMessage: 'unauthorized' } });
  });
});
