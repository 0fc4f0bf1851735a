import type { AccountDraft } from '../../../shared/accounts';
import { AppError } from '../app-error';
import type { Logger } from '../log';
import { sandboxAccountDrafts } from '../sandbox/demo-drafts';
import type { Sandbox } from '../sandbox/sandbox';

/** Test helpers shared by the provider tests: demo drafts by provider, a fast retry policy, a capturing logger. */
export function draftFor<P extends AccountDraft['provider']>(sandbox: Sandbox, provider: P): Extract<AccountDraft, { provider: P }> {
  const draft = sandboxAccountDrafts(sandbox).find((candidate) => candidate.provider === provider);
  if (!draft) throw new Error(`no demo draft for ${provider}`);
  return structuredClone(draft) as Extract<AccountDraft, { provider: P }>;
}

/** Retries without real waiting; `delays` records what the layer asked to sleep. */
export function instantRetry() {
  const delays: number[] = [];
  return {
    delays,
    retry: {
      sleep: async (ms: number) => {
        delays.push(ms);
      },
      random: () => 0.5,
    },
  };
}

export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }));
  };
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The AppError a promise rejects with; the test fails when it resolves, or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
