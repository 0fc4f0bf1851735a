import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, compareMoney, isMoney, MoneySchema, multiplyMoney, normalizeMoney, subtractMoney, sumMoney } from './money';

describe('money as decimal strings', () => {
  it('adds without floating-point drift', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(sumMoney(Array.from({ length: 10_000 }, () => '0.10'))).toBe('1000.00');
    // The float sum of the same ten thousand dimes is 1000.0000000001588.
    expect(Array.from({ length: 10_000 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(1000);
  });

  it('keeps the larger scale of its operands, and at least two decimals', () => {
    expect(addMoney('780.7', '12')).toBe('792.70');
    expect(addMoney('1.005', '2.1')).toBe('3.105');
    expect(normalizeMoney('0007')).toBe('7.00');
    expect(sumMoney([])).toBe('0.00');
  });

  it('multiplies by a whole count', () => {
    expect(multiplyMoney('600.00', 3)).toBe('1800.00');
    expect(multiplyMoney('19.99', 0)).toBe('0.00');
    expect(() => multiplyMoney('1.00', 1.5)).toThrow(RangeError);
  });

  it('subtracts into negatives and formats them', () => {
    expect(subtractMoney('100.00', '600.00')).toBe('-500.00');
    expect(subtractMoney('0.05', '0.10')).toBe('-0.05');
    expect(subtractMoney('5', '5')).toBe('0.00');
  });

  it('compares across scales', () => {
    expect(compareMoney('10.5', '10.50')).toBe(0);
    expect(compareMoney('9.99', '10')).toBe(-1);
    expect(compareMoney('-1', '-2')).toBe(1);
    expect(compareMoney('100000000000000000000.01', '100000000000000000000.00')).toBe(1);
  });

  it('rejects what is not a decimal amount', () => {
    expect(isMoney('1e3')).toBe(false);
    expect(isMoney('12,50')).toBe(false);
    expect(MoneySchema.safeParse('NaN').success).toBe(false);
    expect(() => addMoney('1', 'abc')).toThrow(RangeError);
  });

  it('renewal-cost sums: cost × renewals per instance, summed over a fleet, equal the cents arithmetic', () => {
    const cents = fc.integer({ min: 0, max: 500_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), (items) => {
        const asString = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
        const total = sumMoney(items.map(([price, renewals]) => multiplyMoney(asString(price), renewals)));
        const expected = items.reduce((sum, [price, renewals]) => sum + price * renewals, 0);
        expect(total).toBe(asString(expected));
      }),
    );
  });

  it('a balance covers renewals exactly when it is not below their sum', () => {
    const due = sumMoney([multiplyMoney('600.00', 2), '100.00', '0.70']);
    expect(due).toBe('1300.70');
    expect(compareMoney('1300.70', due) >= 0).toBe(true);
    expect(compareMoney('1300.69', due) >= 0).toBe(false);
  });
});
