import type { AccountDraft, ConnectionCheck, ConnectionTestResult } from '../../../shared/accounts';
import type { Logger } from '../log';
import type { Redactor } from '../redactor';
import { testChat2DeskConnection } from './chat2desk/connection-test';
import { testChatpushConnection } from './chatpush/connection-test';
import { testChattiConnection } from './chatti/connection-test';
import { concurrencyLimit, type ConnectionTestContext } from './check-runner';
import { testGreenApiConnection } from './greenapi/connection-test';
import type { ProxySource, RetryOptions } from './http';

export interface ConnectionTestOptions {
  /** Every credential of the draft is registered here before anything is sent. */
  redactor: Redactor;
  signal?: AbortSignal;
  /** Per request attempt (default 15 s). */
  timeoutMs?: number;
  /** Checks in flight at once (default 8). */
  concurrency?: number;
  /** Backoff and sleep overrides (tests). */
  retry?: RetryOptions;
  logger?: Logger;
  /** The app's proxy setting; absent: the environment decides. */
  proxy?: ProxySource;
}

export const DEFAULT_CHECK_CONCURRENCY = 8;

/**
 * "Test connection" on the Accounts screen: one check per credential of the draft, run concurrently under a cap.
 * Never throws for a provider failure: each failing check carries its AppError shape, and `ok` is true only
 * when every check passed.
 */
export async function testAccountConnection(draft: AccountDraft, options: ConnectionTestOptions): Promise<ConnectionTestResult> {
  const ctx: ConnectionTestContext = {
    redactor: options.redactor,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    logger: options.logger,
    proxy: options.proxy,
    limit: concurrencyLimit(Math.max(1, options.concurrency ?? DEFAULT_CHECK_CONCURRENCY)),
  };
  let checks: ConnectionCheck[];
  switch (draft.provider) {
    case 'chatpush':
      checks = await testChatpushConnection(draft, ctx);
      break;
    case 'greenapi':
      checks = await testGreenApiConnection(draft, ctx);
      break;
    case 'chat2desk':
      checks = await testChat2DeskConnection(draft, ctx);
      break;
    case 'chatti':
      checks = await testChattiConnection(draft, ctx);
      break;
  }
  return {
    ok: checks.length > 0 && checks.every((check) => check.ok),
    provider: draft.provider,
    testedAt: new Date().toISOString(),
    checks,
  };
}
