import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, forEachLimited } from './concurrency';

describe('concurrency limit', () => {
  it('never runs more than the limit at once, even when tasks finish and start in the same tick', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await forEachLimited(
      Array.from({ length: 40 }, (_, i) => i),
      limit,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        order.push(i);
        running--;
      },
    );
    expect(peak).toBe(3);
    expect(order).toHaveLength(40);
  });

  it('frees the slot of a task that throws', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });

  it('refuses a limit that is not a whole number of at least one', () => {
    expect(() => createConcurrencyLimit(0)).toThrow(RangeError);
  });
});
