/**
 * Fleet refresh against the sandbox with 50 ms injected latency on every request: 10,000 instances across 20
 * accounts and three providers (one Chategy/Jetapi developer with 5,000 instances, 18 GREEN-API accounts with the
 * rest, one Chat2Desk company), with GREEN-API's per-second limits enforced by the sandbox.
 *
 * Prints the wall time of the real refresh (providers side by side, each under its concurrency cap), the same work
 * one request at a time as a baseline, their ratio (goal ≥ 20×) and the 429 answers seen (goal 0). The baseline is
 * measured in this run on a sample — the whole Chategy/Jetapi and Chat2Desk accounts and one GREEN-API account of
 * its own — strictly one request after another, and extrapolated to the full refresh's request count: ten
 * thousand sequential requests at 50 ms would take about ten minutes.
 *
 * Run: node --import tsx bench/fleet-refresh.bench.ts   (or `npm run bench`)
 */
import type { AccountDraft } from '../shared/accounts';
import type { JobProgress } from '../shared/jobs';
import type { ProviderId } from '../shared/providers';
import type { Logger } from '../electron/core/log';
import type { KeyValueStore } from '../electron/core/ports';
import { Redactor } from '../electron/core/redactor';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { createFleetService } from '../electron/core/services/fleet/fleet-service';
import type { FleetAccounts, FleetProvider } from '../electron/core/services/fleet/refresh';
import { createJobRunner } from '../electron/core/services/jobs/job-runner';
import { createProviderClients } from '../electron/core/services/provider-clients';
import { countingLogger } from './counting-logger';

const LATENCY_MS = 50;
const TOTAL_INSTANCES = 10_000;
const CHATPUSH_INSTANCES = 5_000;
const GREENAPI_ACCOUNTS = 18;
const BASELINE_GREENAPI_SAMPLE = 40;

function memoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return { get: <T>(key: string) => map.get(key) as T | undefined, set: (key, value) => void map.set(key, value), delete: (key) => void map.delete(key), path: ':memory:' };
}

/** Accounts as the accounts service would resolve them, without a vault: the bench holds them in memory. */
function memoryAccounts(accounts: { id: string; draft: AccountDraft }[]): FleetAccounts {
  return {
    records: () => accounts.map(({ id, draft }) => ({ id, name: draft.name, provider: draft.provider as ProviderId })),
    resolve: async (id) => accounts.find((account) => account.id === id)!.draft,
  };
}

function buildFleet(sandbox: Sandbox) {
  const { urls, demo, controls, state } = sandbox;
  controls.chatpush.seedInstances(CHATPUSH_INSTANCES - state.chatpush.instances.length, { externalIdPrefix: 'bench-' });
  const chatpush: AccountDraft = {
    provider: 'chatpush',
    name: 'Jetapi developer',
    brand: 'custom',
    hosts: urls.chatpush,
    apiKey: demo.chatpush.apiKey,
    clientTokens: [{ label: 'Master', token: controls.chatpush.developerToken() }],
    wsOrigin: '',
    idempotencyKey: undefined,
  } as AccountDraft;
  const chat2desk: AccountDraft = { provider: 'chat2desk', name: 'Chat2Desk company', baseUrl: urls.chat2desk.baseUrl, apiToken: demo.chat2desk.apiToken };
  const greenCount = TOTAL_INSTANCES - CHATPUSH_INSTANCES - state.chat2desk.channels.length;
  const seeded = controls.greenapi.seedInstances(greenCount, { state: 'authorized' });
  const perAccount = Math.ceil(greenCount / GREENAPI_ACCOUNTS);
  const greenapi = (name: string, instances: typeof seeded): AccountDraft => ({
    provider: 'greenapi',
    name,
    instances: instances.map((instance) => ({ ...instance, id: undefined, apiUrl: urls.greenapi.apiUrl, mediaUrl: urls.greenapi.mediaUrl })),
  });
  const fleet = [
    { id: 'chatpush', draft: chatpush },
    { id: 'chat2desk', draft: chat2desk },
    ...Array.from({ length: GREENAPI_ACCOUNTS }, (_, i) => ({ id: `green-${i + 1}`, draft: greenapi(`GREEN-API ${i + 1}`, seeded.slice(i * perAccount, (i + 1) * perAccount)) })),
  ];
  // The baseline's GREEN-API sample is an account of its own, so the real refresh never waits on its rate budget.
  const sample = { id: 'green-sample', draft: greenapi('GREEN-API sample', controls.greenapi.seedInstances(BASELINE_GREENAPI_SAMPLE, { state: 'authorized' })) };
  return { fleet, sample };
}

/** A fleet service over these accounts; resolves each refresh when its job reports an end. */
function service(accounts: FleetAccounts, logger: Logger, concurrency?: Partial<Record<FleetProvider, number>>) {
  const waiting = new Map<string, (progress: JobProgress) => void>();
  const jobs = createJobRunner({ emit: (progress) => progress.state !== 'running' && waiting.get(progress.jobId)?.(progress), log: logger });
  const fleet = createFleetService({
    accounts,
    clients: createProviderClients({ redactor: new Redactor(), log: logger }),
    jobs,
    store: memoryStore(),
    changed: () => {},
    concurrency,
  });
  const refresh = (accountIds?: string[]) =>
    new Promise<JobProgress>((resolve) => {
      const { jobId } = fleet.refresh(accountIds);
      waiting.set(jobId, resolve);
    });
  return { fleet, refresh };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const sandbox = await startSandbox({ seed: 3 });
  try {
    sandbox.state.greenapi.enforceRateLimits = true;
    for (const provider of ['chatpush', 'greenapi', 'chat2desk'] as const) sandbox.faults.inject(provider, { kind: 'latency', ms: LATENCY_MS });
    const { fleet, sample } = buildFleet(sandbox);
    const count = countingLogger();

    // Baseline: the sample, one account after another, one request at a time.
    const sequential = service(memoryAccounts([...fleet.filter((a) => a.draft.provider !== 'greenapi'), sample]), count.logger, { chatpush: 1, greenapi: 1, chat2desk: 1 });
    let baselineMs = 0;
    for (const id of ['chatpush', 'chat2desk', 'green-sample']) {
      const started = performance.now();
      const job = await sequential.refresh([id]);
      baselineMs += performance.now() - started;
      if (job.state !== 'finished' || job.failed > 0) throw new Error(`baseline refresh of ${id} ended ${job.state} with ${job.failed} failures`);
    }
    const baselineRequests = count.counts.requests;
    const baseline429 = count.counts.tooMany;
    const perRequestMs = baselineMs / baselineRequests;

    // The real refresh: every account side by side, each provider under its cap.
    count.reset();
    const real = service(memoryAccounts(fleet), count.logger);
    const started = performance.now();
    const job = await real.refresh();
    const wallMs = performance.now() - started;
    const page = real.fleet.query({ limit: 0 });
    const failedAccounts = page.accounts.filter((account) => account.state !== 'ok');
    const extrapolatedMs = perRequestMs * count.counts.requests;

    console.log('fleet-refresh: 10,000 instances, 20 accounts, 3 providers, 50 ms latency per request, GREEN-API rate limits enforced');
    console.log(`  instances read          ${page.counts.total} (${page.accounts.length} accounts; ${failedAccounts.length} not fully read)`);
    console.log(`  job                     ${job.state}, ${job.done}/${job.total} done, ${job.failed} failed`);
    console.log(`  requests                ${count.counts.requests}`);
    console.log(`  wall time               ${seconds(wallMs)}  (${Math.round(count.counts.requests / (wallMs / 1000))} requests/s)`);
    console.log(`  baseline sample         ${baselineRequests} requests one at a time in ${seconds(baselineMs)} (${perRequestMs.toFixed(1)} ms each)`);
    console.log(`  baseline, extrapolated  ${seconds(extrapolatedMs)} for ${count.counts.requests} requests (measured on the sample above, scaled by request count)`);
    console.log(`  speed-up                ${(extrapolatedMs / wallMs).toFixed(1)}×  (goal ≥ 20×)`);
    console.log(`  429 answers             ${count.counts.tooMany} in the refresh, ${baseline429} in the baseline  (goal 0)`);
    if (page.counts.total !== TOTAL_INSTANCES || failedAccounts.length > 0) process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

await main();
