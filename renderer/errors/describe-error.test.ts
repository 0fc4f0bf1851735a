import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate';
import { describeError } from './describe-error';

const en = createTranslator('en');

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
});
