import { describe, expect, it } from 'vitest';
import { looksTruncatedJson, parseBody } from './body';
import { backoffDelay, parseRetryAfter, retryPolicy } from './retry';

describe('parseBody', () => {
  it('sorts bodies into json, html, truncated, text and empty', () => {
    expect(parseBody('{"a":1}', 'application/json')).toMatchObject({ kind: 'json', value: { a: 1 } });
    expect(parseBody('null', null)).toMatchObject({ kind: 'json', value: null });
    expect(parseBody('<html><head><title>502 Bad Gateway</title></head></html>', 'text/html').kind).toBe('html');
    expect(parseBody('<!DOCTYPE html><p>x</p>', null).kind).toBe('html');
    expect(parseBody('{"meta":{"code":200,"sta', 'application/json').kind).toBe('truncated');
    expect(parseBody('[1,2,', null).kind).toBe('truncated');
    expect(parseBody('Unauthorized', 'text/plain').kind).toBe('text');
    expect(parseBody("{'a': None}", 'application/json').kind).toBe('text');
    expect(parseBody('  \n', null).kind).toBe('empty');
  });

  it('tells a document that never closes from one that closes and is malformed', () => {
    expect(looksTruncatedJson('{"a":"}{"')).toBe(true);
    expect(looksTruncatedJson('{"a":"b\\"')).toBe(true);
    expect(looksTruncatedJson('{"a":1}}')).toBe(false);
    expect(looksTruncatedJson('{a:1}')).toBe(false);
    expect(looksTruncatedJson('OK')).toBe(false);
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2030, 0, 1);
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter(new Date(now + 3500).toUTCString(), now)).toBe(3);
    expect(parseRetryAfter(new Date(now - 3500).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    const low = retryPolicy({ random: () => 0 });
    const high = retryPolicy({ random: () => 0.999999 });
    expect([1, 2, 3].map((n) => backoffDelay(low, n))).toEqual([150, 300, 600]);
    expect([1, 2, 3].map((n) => backoffDelay(high, n))).toEqual([300, 600, 1200]);
    expect(backoffDelay(high, 20)).toBe(5000);
  });
});
