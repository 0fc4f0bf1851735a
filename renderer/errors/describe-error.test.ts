import { describe, expect, it } from 'vitest';
import { errorReason, ErrorReasonSchema } from '../../shared/error-reasons';
import { createTranslator } from '../i18n/translate';
import { describeError } from './describe-error';

const en = createTranslator('en');
const ru = createTranslator('ru');

describe('describeError', () => {
  it('calls a 5xx HTML page a failing gateway, and any other HTML page a wrong base URL', () => {
    const page = (status: number) => ({ code: 'html_response' as const, message: 'x', details: { provider: 'chatpush', status, host: 'api.example.com', providerMessage: `${status} Bad Gateway` } });
    expect(describeError(page(502), en)).toBe(
      'Chategy / Jetapi sent an HTML error page instead of JSON: a proxy or gateway in front of it is failing. Try again later. (HTTP 502, api.example.com) Chategy / Jetapi said: “502 Bad Gateway”.',
    );
    expect(describeError(page(200), en)).toMatch(/^An HTML page came back instead of JSON from the Chategy \/ Jetapi API\. Check the base URL\./);
  });

  it('says how long to wait after a 429, and names what to check after a 403', () => {
    expect(describeError({ code: 'rate_limited', message: 'x', details: { provider: 'chatti', status: 429, retryAfterSeconds: 120 } }, en)).toBe(
      'Chatti is limiting the request rate. (HTTP 429) Try again in 120 seconds.',
    );
    expect(describeError({ code: 'forbidden', message: 'x', details: { provider: 'greenapi', status: 403 } }, en)).toMatch(/Check the key or token/);
  });

  it('after a lost answer: a read says try again, a write that may have been carried out says to check first', () => {
    const lost = (code: 'timeout' | 'connection_reset', mayHaveTakenEffect?: boolean) => ({ code, message: 'x', details: { provider: 'chatpush', mayHaveTakenEffect } });
    expect(describeError(lost('timeout'), en)).toBe('Chategy / Jetapi did not answer in time. Try again.');
    expect(describeError(lost('connection_reset', true), en)).toBe(
      'The connection was dropped before the reply arrived. The request may have reached Chategy / Jetapi and taken effect: check before sending it again.',
    );
  });

  it('a timeout before any connection opened: could not be reached, not sent, try again (no check-first, even for a write)', () => {
    const unsent = { code: 'timeout' as const, message: 'x', details: { provider: 'chatpush', host: 'api.example.com', ...errorReason('connect_timeout') } };
    expect(describeError(unsent, en)).toBe('Chategy / Jetapi could not be reached in time, so the request was not sent. (api.example.com) Try again.');
    expect(describeError(unsent, ru)).toBe('Не удалось вовремя подключиться к Chategy / Jetapi, поэтому запрос не отправлен. (api.example.com) Попробуйте ещё раз.');
    // An answer lost after the request went out keeps the warning.
    expect(describeError({ code: 'timeout', message: 'x', details: { provider: 'chatpush', mayHaveTakenEffect: true } }, en)).toBe(
      'Chategy / Jetapi did not answer in time. The request may have reached Chategy / Jetapi and taken effect: check before sending it again.',
    );
  });

  it('words a delete refusal by the rule it broke, in place of the general 422 sentence, with the id as written', () => {
    const refusal = {
      code: 'provider_validation' as const,
      message: 'Jetapi refused to delete delivery 94396942 (422): only WhatsApp and Telegram (TDLib) messages can be deleted, not SMS or other channels.',
      details: {
        provider: 'chatpush',
        status: 422,
        host: 'api.example.com',
        providerMessage: 'Unprocessable Entity',
        fields: [{ path: 'dispatch_type', message: 'dispatch_type invalid' }],
        ...errorReason('delete_wrong_channel', { deliveryId: 94396942 }),
      },
    };
    expect(describeError(refusal, en)).toBe(
      'Chategy / Jetapi refused to delete delivery 94396942: only WhatsApp and Telegram (TDLib) messages can be deleted, not SMS or other channels. Nothing was deleted. (HTTP 422, api.example.com) Chategy / Jetapi said: “Unprocessable Entity”.',
    );
    expect(describeError(refusal, ru)).toMatch(/^Chategy \/ Jetapi отказался удалить доставку 94396942: удалить можно только сообщения WhatsApp и Telegram \(TDLib\), но не SMS/);
  });

  it('gives GREEN-API\'s next step for a §8.3 identifier and the webhook-URL conflict, in both languages', () => {
    const notAuthorized = {
      code: 'provider_validation' as const,
      message: 'x',
      details: { provider: 'greenapi', status: 400, providerMessage: 'instance is starting or not authorized', ...errorReason('instance_not_authorized', { idInstance: '1101000001' }) },
    };
    expect(describeError(notAuthorized, en)).toBe(
      'GREEN-API instance 1101000001 is starting or not authorized. Authorize it with a QR code or a pairing code first. (HTTP 400) GREEN-API said: “instance is starting or not authorized”.',
    );
    expect(describeError(notAuthorized, ru)).toMatch(/^Инстанс GREEN-API 1101000001 запускается или не авторизован\. Сначала авторизуйте его по QR-коду или коду привязки\./);
    const webhook = { code: 'provider_conflict' as const, message: 'x', details: { provider: 'greenapi', status: 400, ...errorReason('webhook_url_set', { idInstance: '7' }) } };
    expect(describeError(webhook, en)).toMatch(/^GREEN-API will not hand out notifications over the HTTP API: instance 7 has a webhook URL set\. Clear the webhook URL/);
    const closed = { code: 'provider_unavailable' as const, message: 'x', details: { provider: 'greenapi', status: 499, ...errorReason('request_closed', { idInstance: '7' }) } };
    expect(describeError(closed, en)).toMatch(/closed before it finished \(499\)\. Try again with a longer timeout/);
  });

  it('says what to do after a refused checksum and a 409 duplicate', () => {
    const checksum = { code: 'provider_validation' as const, message: 'x', details: { provider: 'chatpush', status: 400, providerMessage: 'Invalid checksum', ...errorReason('checksum_rejected') } };
    expect(describeError(checksum, en)).toMatch(/^Chategy \/ Jetapi rejected the idempotency checksum, so nothing was sent: .* Copy the IDEMPOTENCY KEY from the personal account again/);
    const duplicate = { code: 'provider_conflict' as const, message: 'x', details: { provider: 'chatpush', status: 409, ...errorReason('duplicate_request') } };
    expect(describeError(duplicate, ru)).toMatch(/^Chategy \/ Jetapi уже получил запрос ровно с этими параметрами/);
  });

  it('falls back to the code\'s sentence (and the provider\'s fields) for a reason this build does not know', () => {
    const newer = { code: 'provider_validation' as const, message: 'x', details: { provider: 'chatpush', reason: 'from_a_newer_core', fields: [{ path: 'base', message: 'not enough money' }] } };
    expect(describeError(newer, en)).toBe('Chategy / Jetapi rejected the request as invalid. — not enough money');
  });

  it('has words for every reason in both languages, with every placeholder filled', () => {
    const params = { deliveryId: 5, idInstance: '7' };
    for (const reason of ErrorReasonSchema.options) {
      for (const t of [en, ru]) {
        const text = describeError({ code: 'provider_error', message: 'x', details: { provider: 'chatpush', reason, reasonParams: params } }, t);
        expect(text, reason).not.toMatch(/\{\w+\}|error\.reason\./);
        expect(text, reason).not.toBe(describeError({ code: 'provider_error', message: 'x', details: { provider: 'chatpush' } }, t));
      }
    }
  });
});
