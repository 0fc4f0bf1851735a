import type { Logger } from '../electron/core/log';

/** Counts provider requests and 429 answers from the transport's own log lines (one per attempt). */
export function countingLogger() {
  const counts = { requests: 0, tooMany: 0 };
  const seen = (fields?: Record<string, unknown>) => {
    counts.requests++;
    if (fields?.status === 429) counts.tooMany++;
  };
  const logger: Logger = {
    debug: (message, fields) => message === 'provider call' && seen(fields),
    warn: (message, fields) => message === 'provider call failed' && seen(fields),
    info: () => {},
    error: () => {},
  };
  return { logger, counts, reset: () => ((counts.requests = 0), (counts.tooMany = 0)) };
}
