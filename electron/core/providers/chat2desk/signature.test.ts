import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chat2DeskSignatureHeaders, chat2DeskSigningKey, signChat2DeskPayload, verifyChat2DeskSignature } from './signature';

// Spec A6 "Signature verification": the documented test vector, byte for byte.
const VECTOR_BODY =
  '{"message_id":28780,"type":"from_client","text":"test7","transport":"widget","client_id":12568,"operator_id":null,"dialog_id":942,"channel_id":1,"photo":null,"coordinates":null,"audio":null,"pdf":null,"client":{"id":12568,"phone":"[chat] 1d0bb2e221762cfcc05c","client_phone":null,"name":"[chat] 1d0bb2e221762cfcc05c","assigned_name":null,"external_id":null},"hook_type":"inbox","request_id":5357,"attachments":[],"is_new_request":false,"is_new_client":false,"insta_comment":false,"extra_data":{},"is_new":true,"event_time":"2025-04-03T11:50:06.984494Z"}';
const VECTOR_TIMESTAMP = '1743681006';
const VECTOR_SIGNATURE = '88b574d8237e1b7740f88102018b734d3dd5bc6803c509a3694eff9721b0c595';

describe('Chat2Desk webhook signatures', () => {
  it('reproduces the documented vector (the examples use the literal key string "md5_api_token")', () => {
    expect(signChat2DeskPayload('md5_api_token', VECTOR_BODY, VECTOR_TIMESTAMP)).toBe(VECTOR_SIGNATURE);
    expect(signChat2DeskPayload('md5_api_token', VECTOR_BODY, Number(VECTOR_TIMESTAMP))).toBe(VECTOR_SIGNATURE);
    // One byte changed in the body, or the timestamp, changes the signature.
    expect(signChat2DeskPayload('md5_api_token', VECTOR_BODY.replace('test7', 'test8'), VECTOR_TIMESTAMP)).not.toBe(VECTOR_SIGNATURE);
    expect(signChat2DeskPayload('md5_api_token', VECTOR_BODY, '1743681007')).not.toBe(VECTOR_SIGNATURE);
  });

  it('keys the HMAC with the lowercase hex MD5 of the API token', () => {
    const token = 'a3f1c9e07b2d4c58e6f0a1b2c3d4e5';
    expect(chat2DeskSigningKey(token)).toBe(createHash('md5').update(token).digest('hex'));
    expect(chat2DeskSigningKey(token)).toMatch(/^[0-9a-f]{32}$/);
    const headers = chat2DeskSignatureHeaders(token, VECTOR_BODY, 1743681006.9);
    expect(headers).toEqual({ 'X-Signature': signChat2DeskPayload(chat2DeskSigningKey(token), VECTOR_BODY, '1743681006'), 'X-Timestamp': '1743681006' });
  });

  it('verifies with the token, constant-time, and names what is wrong', () => {
    const token = 'sandbox-token-0123456789';
    const { 'X-Signature': signature, 'X-Timestamp': timestamp } = chat2DeskSignatureHeaders(token, VECTOR_BODY, 1_800_000_000);
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature, timestamp })).toEqual({ valid: true });
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: Buffer.from(VECTOR_BODY), signature: signature!.toUpperCase(), timestamp })).toEqual({ valid: true });
    expect(verifyChat2DeskSignature({ apiToken: 'other-token-000', rawBody: VECTOR_BODY, signature, timestamp })).toEqual({ valid: false, reason: 'mismatch' });
    // Re-serialised JSON is not the raw body.
    const reserialised = JSON.stringify(JSON.parse(VECTOR_BODY), null, 1);
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: reserialised, signature, timestamp })).toMatchObject({ valid: false });
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature: undefined, timestamp })).toEqual({ valid: false, reason: 'missing_headers' });
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature, timestamp: 'yesterday' })).toEqual({ valid: false, reason: 'bad_timestamp' });
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature, timestamp, maxAgeSeconds: 300, nowSeconds: 1_800_000_301 })).toEqual({
      valid: false,
      reason: 'too_old',
    });
    expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature, timestamp, maxAgeSeconds: 300, nowSeconds: 1_800_000_299 })).toEqual({ valid: true });
  });

  it('accepts the other MD5 readings of [AMBIG] A6 on input: upper-case hex and raw bytes', () => {
    const token = 'sandbox-token-0123456789';
    const hex = chat2DeskSigningKey(token);
    for (const key of [hex.toUpperCase(), Buffer.from(hex, 'hex')]) {
      const signature = signChat2DeskPayload(key, VECTOR_BODY, VECTOR_TIMESTAMP);
      expect(verifyChat2DeskSignature({ apiToken: token, rawBody: VECTOR_BODY, signature, timestamp: VECTOR_TIMESTAMP })).toEqual({ valid: true });
    }
  });
});
