import { z } from 'zod';
import { problem } from './field-problems';

/**
 * Money as decimal strings, the way providers send it ("780.70", "600.00"), with arithmetic done on integers
 * scaled by a power of ten (BigInt), so sums of ten thousand prices never drift the way 0.1 + 0.2 does in floats.
 * Results keep the larger number of decimals of their operands, and at least two.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MIN_SCALE = 2;

export const MoneySchema = z
  .string()
  .trim()
  .refine((value) => DECIMAL.test(value), problem('money'))
  .max(40);
export type Money = z.infer<typeof MoneySchema>;

interface Scaled {
  units: bigint;
  scale: number;
}

export const isMoney = (value: string): boolean => DECIMAL.test(value.trim()) && value.trim().length <= 40;

function parse(amount: string): Scaled {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(amount.slice(0, 40))}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

const rescale = (value: Scaled, scale: number): bigint => value.units * 10n ** BigInt(scale - value.scale);

function format({ units, scale }: Scaled): Money {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** The amounts aligned to one scale (the largest of theirs, and at least two decimals). */
function aligned(amounts: readonly string[]): { values: bigint[]; scale: number } {
  const parsed = amounts.map(parse);
  const scale = Math.max(MIN_SCALE, ...parsed.map((value) => value.scale));
  return { values: parsed.map((value) => rescale(value, scale)), scale };
}

/** "780.7" → "780.70": the canonical form (at least two decimals, no leading zeros, no "-0"). */
export function normalizeMoney(amount: string): Money {
  const { values, scale } = aligned([amount]);
  return format({ units: values[0]!, scale });
}

export function addMoney(a: string, b: string): Money {
  return sumMoney([a, b]);
}

export function subtractMoney(a: string, b: string): Money {
  const { values, scale } = aligned([a, b]);
  return format({ units: values[0]! - values[1]!, scale });
}

/** The sum of any number of amounts; "0.00" for none. */
export function sumMoney(amounts: readonly string[]): Money {
  const { values, scale } = aligned(amounts.length ? amounts : ['0']);
  return format({ units: values.reduce((total, value) => total + value, 0n), scale });
}

/** A price times a whole count (renewals of one instance in a period). */
export function multiplyMoney(amount: string, count: number): Money {
  if (!Number.isSafeInteger(count)) throw new RangeError(`A count must be a whole number, not ${count}`);
  const { values, scale } = aligned([amount]);
  return format({ units: values[0]! * BigInt(count), scale });
}

/** -1, 0 or 1, as for a sort; "10.5" and "10.50" are equal. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const { values } = aligned([a, b]);
  const [x, y] = values as [bigint, bigint];
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isNegativeMoney = (amount: string): boolean => compareMoney(amount, '0') < 0;
