import type { Prng } from './prng';

/** Shared pieces of the seeded sandbox worlds. */
/** Dates in the world hang off a fixed day, never the clock, so a seed always gives the same data. */
export const EPOCH_MS = Date.UTC(2025, 5, 1);
export const DAY_MS = 86_400_000;
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function money(prng: Prng, min: number, max: number): string {
  return (prng.int(min * 100, max * 100) / 100).toFixed(2);
}
