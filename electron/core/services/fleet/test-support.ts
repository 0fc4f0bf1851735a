import type { InstanceRow } from '../../../../shared/fleet';
import type { JobProgress } from '../../../../shared/jobs';
import type { Sandbox } from '../../sandbox';
import { startTestCore } from '../../testing/test-core';
import { NO_FACTS, type AccountEntry } from './types';
import { EMPTY_ROW_FIELDS } from './row-mapping';

export type TestCore = Awaited<ReturnType<typeof startTestCore>>;

/** Resolves with a job's last progress once it stops running (the core records every pushed event). */
export async function finishedJob(running: TestCore, jobId: string, timeoutMs = 60_000): Promise<JobProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = running.events
      .filter((event) => event.name === 'jobs.progress' && (event.payload as JobProgress).jobId === jobId)
      .at(-1)?.payload as JobProgress | undefined;
    if (last && last.state !== 'running') return last;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Account drafts pointing at the core's own sandbox, entered the way a user would (URLs and keys). */
export const drafts = {
  chatpush: (sandbox: Sandbox, name: string, overrides: { apiKey?: string; clientTokens?: { label: string; token: string }[] } = {}) => ({
    provider: 'chatpush' as const,
    name,
    brand: 'custom' as const,
    hosts: sandbox.urls.chatpush,
    apiKey: overrides.apiKey ?? sandbox.demo.chatpush.apiKey,
    clientTokens: overrides.clientTokens ?? [],
    wsOrigin: '',
  }),
  greenapi: (sandbox: Sandbox, name: string, instances: { idInstance: string; apiTokenInstance: string; label: string }[]) => ({
    provider: 'greenapi' as const,
    name,
    instances: instances.map(({ idInstance, apiTokenInstance, label }) => ({
      label,
      idInstance,
      apiTokenInstance,
      apiUrl: sandbox.urls.greenapi.apiUrl,
      mediaUrl: sandbox.urls.greenapi.mediaUrl,
    })),
  }),
  chat2desk: (sandbox: Sandbox, name: string) => ({
    provider: 'chat2desk' as const,
    name,
    baseUrl: sandbox.urls.chat2desk.baseUrl,
    apiToken: sandbox.demo.chat2desk.apiToken,
  }),
};

/** An account's entry as a refresh would have left it: GREEN-API rows, authorized unless said otherwise. */
export function savedEntry(accountId: string, instanceIds: string[], row: Partial<InstanceRow> = {}, refreshedAt = '2025-11-22T14:05:00.000Z'): AccountEntry {
  return {
    rows: instanceIds.map((instanceId) => ({
      key: `${accountId}/${instanceId}`,
      provider: 'greenapi',
      accountId,
      accountName: `Account ${accountId}`,
      instanceId,
      ...EMPTY_ROW_FIELDS,
      whatsapp: 'authorized' as const,
      queueSize: 0,
      refreshedAt,
      ...row,
    })),
    facts: NO_FACTS,
    refresh: {
      accountId,
      accountName: `Account ${accountId}`,
      provider: 'greenapi',
      state: 'ok',
      instances: instanceIds.length,
      failedRows: 0,
      error: null,
      refreshedAt,
    },
  };
}
