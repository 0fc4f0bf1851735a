import { describe, expect, it } from 'vitest';
import { checksumSource, idempotencyChecksum } from './checksum';

describe('idempotency checksum (spec §6.8)', () => {
  it('reproduces the documented digest of the documented string "10071233456789text" (phone 71233456789)', () => {
    const params = { text: 'text', phone: '71233456789', external_id: '100' };
    expect(checksumSource(params)).toBe('10071233456789text');
    expect(idempotencyChecksum(params, 'Z5F2idBj')).toBe('ebb290126ea4302ebca339f5efe419b4a67edfe57e1ea844e7cec85ccef53f23');
  });

  it('reproduces the digest of the parameters as printed (phone 9951233456789): "1009951233456789text"', () => {
    const params = { text: 'text', phone: '9951233456789', external_id: '100' };
    expect(checksumSource(params)).toBe('1009951233456789text');
    expect(idempotencyChecksum(params, 'Z5F2idBj')).toBe('6859014a0386f6c5522b2e6f6c244f4b86fd6d5aaa4be5d6fc2bce76fda5d958');
  });

  it('sorts by the Rails key (brackets dropped) and joins array elements in order, like Ruby Array#join', () => {
    const params = { text: 'hi', 'dispatch_routing[]': ['whatsapp', 'sms'], phone: '995598464533', simulate_typing: false, priority: undefined };
    expect(checksumSource(params)).toBe('whatsappsms995598464533falsehi');
  });

  it('leaves out parameters that are not sent, and depends on the key', () => {
    expect(checksumSource({ a: '1', b: null, c: undefined })).toBe('1');
    expect(idempotencyChecksum({ a: '1' }, 'k1')).not.toBe(idempotencyChecksum({ a: '1' }, 'k2'));
  });
});
