import type { ConnectionCheck } from '../../../shared/accounts';
import { toAppErrorShape } from '../app-error';
import type { Logger } from '../log';
import type { Redactor } from '../redactor';
import type { ProxySource, RetryOptions, TransportOptions } from './http';

export type Fact = ConnectionCheck['facts'][number];

/** What a provider's connection test gets from the dispatcher. */
export interface ConnectionTestContext {
  redactor: Redactor;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions;
  logger?: Logger;
  /** The app's proxy setting (absent: the environment decides). */
  proxy?: ProxySource;
  /** Runs one check under the account-wide concurrency cap. */
  limit: <T>(task: () => Promise<T>) => Promise<T>;
}

/** The transport every check's client is built on: the same proxy, timeout and redactor as the screens' calls. */
export function checkTransport(ctx: ConnectionTestContext): TransportOptions {
  return { redactor: ctx.redactor, signal: ctx.signal, timeoutMs: ctx.timeoutMs, retry: ctx.retry, logger: ctx.logger, proxy: ctx.proxy };
}

/** What a check is called: the renderer words `kind` and shows `subject` after it; `label` is the English of both. */
export type CheckName = Pick<ConnectionCheck, 'kind' | 'label' | 'subject'>;

/**
 * The name of a check of one of several credentials: the label the user typed, as typed, else `fallback` (an
 * idInstance, a position) after the kind's English name.
 */
export function checkName(kind: ConnectionCheck['kind'], english: string, typed: string, fallback: string): CheckName {
  return typed ? { kind, label: typed, subject: typed } : { kind, label: `${english} ${fallback}`, subject: fallback };
}

/** Runs one check: measures it, and turns a failure into the check's `error` instead of throwing. */
export async function runCheck(name: CheckName, probe: () => Promise<Fact[]>): Promise<ConnectionCheck> {
  const started = performance.now();
  try {
    const facts = await probe();
    return { ...name, ok: true, latencyMs: elapsed(started), facts };
  } catch (error) {
    return { ...name, ok: false, latencyMs: elapsed(started), facts: [], error: toAppErrorShape(error) };
  }
}

function elapsed(started: number): number {
  return Math.max(0, Math.round(performance.now() - started));
}

/** At most `max` tasks at once; the rest queue in order. A big GREEN-API fleet must not open 500 sockets. */
export function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= max) return;
    const start = queue.shift();
    if (start) {
      running++;
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}

export const fact = (key: string, value: string | number): Fact => ({ key, value: String(value) });
