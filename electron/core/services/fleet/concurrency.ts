/**
 * At most `limit` tasks of one kind at a time; the rest wait in arrival order. One per provider during a refresh
 * or a bulk action, so a fleet of thousands never opens thousands of connections to one provider at once.
 */
export function createConcurrencyLimit(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A concurrency limit must be a whole number ≥ 1, not ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finishing task hands its slot straight to the next waiter, so a newcomer can never slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
export type ConcurrencyLimit = ReturnType<typeof createConcurrencyLimit>;

/** Runs `task` for every item under the limit; resolves when all have settled (the task handles its own failures). */
export async function forEachLimited<T>(items: readonly T[], limit: ConcurrencyLimit, task: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => limit(() => task(item))));
}
