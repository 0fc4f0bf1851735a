/**
 * Runs async jobs one after another. Every vault transition and write goes through one queue, so two quick
 * set() calls each start from the state the previous one committed and neither is lost.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const result = tail.then(job);
    // A failed job must not poison the ones queued after it; its caller still sees the rejection.
    tail = result.catch(() => undefined);
    return result;
  };
}
