/**
 * A small seeded PRNG (mulberry32): the same seed gives the same demo world on every machine, so tests and
 * screenshots can rely on ids, tokens and balances.
 */
export interface Prng {
  /** 0 ≤ x < 1 */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet: string): string;
  hex(length: number): string;
}

const HEX = '0123456789abcdef';

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability) => next() < probability,
    chars: (length, alphabet) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
    hex: (length) => Array.from({ length }, () => HEX[int(0, 15)]).join(''),
  };
}

/**
 * One independent stream per part of the world (`chatpush`, `greenapi` …), so growing one provider's data does
 * not reshuffle another's.
 */
export function derivePrng(seed: number, stream: string): Prng {
  let hash = 2166136261;
  for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return createPrng((seed ^ hash) >>> 0);
}
