/**
 * Bulk delivery lookup against the sandbox with 50 ms injected latency on every request: 1,000 Chategy/Jetapi
 * delivery ids looked up by the Deliveries screen's job (paced: requests in flight capped, starts spaced, AIMD on
 * 429), and the same 1,000 one at a time as a baseline in the same run.
 *
 * The platform documents no rate limit; to make the 429 count mean something, the sandbox is given one here
 * (400 requests per second per client token, `customerRequestsPerSecond`), and both runs are counted from the
 * transport's own log lines (one per attempt, with its status).
 *
 * Prints the wall time of each, their ratio (goal ≥ 10×) and the 429 answers (goal 0).
 * Run: node --import tsx bench/bulk-lookup.bench.ts   (or `npm run bench bulk-lookup`)
 */
import type { AccountDraft } from '../shared/accounts';
import type { JobProgress } from '../shared/jobs';
import { Redactor } from '../electron/core/redactor';
import { startSandbox } from '../electron/core/sandbox';
import type { AccountsService } from '../electron/core/services/accounts/accounts-service';
import { createBulkLookups } from '../electron/core/services/deliveries/bulk-lookup';
import { createChatpushDeliveries } from '../electron/core/services/deliveries/chatpush-deliveries';
import type { PacingOptions } from '../electron/core/services/deliveries/pacer';
import { createJobRunner } from '../electron/core/services/jobs/job-runner';
import { createProviderClients } from '../electron/core/services/provider-clients';
import { countingLogger } from './counting-logger';

const LATENCY_MS = 50;
const IDS = 1_000;
const SANDBOX_LIMIT_PER_SECOND = 400;

/** The one account the bench uses, held in memory the way the accounts service would resolve it. */
function memoryAccounts(draft: AccountDraft): AccountsService {
  const record = { id: 'bench', provider: 'chatpush', clientTokens: [{ id: 'token', label: 'bench' }] };
  return { records: () => [record], resolve: async () => draft } as unknown as AccountsService;
}

async function main() {
  const sandbox = await startSandbox({ seed: 5 });
  try {
    const token = sandbox.demo.chatpush.clientTokens[0]!.token;
    sandbox.controls.chatpush.configure({ deliveryStepMs: 3_600_000 });
    // 1,000 deliveries, made before the latency is injected (the sends are not what is measured).
    const ids: number[] = [];
    for (let i = 0; i < IDS; i++) {
      const response = await fetch(`${sandbox.urls.chatpush.rest}/api/v1/delivery?phone=99559${String(1_000_000 + i)}&text=bench`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      ids.push(((await response.json()) as { delivery: { id: number } }).delivery.id);
    }
    sandbox.faults.inject('chatpush', { kind: 'latency', ms: LATENCY_MS });
    sandbox.controls.chatpush.configure({ customerRequestsPerSecond: SANDBOX_LIMIT_PER_SECOND });

    const draft = {
      provider: 'chatpush',
      name: 'Bench',
      brand: 'custom',
      hosts: sandbox.urls.chatpush,
      apiKey: sandbox.demo.chatpush.apiKey,
      clientTokens: [{ label: 'bench', token }],
      wsOrigin: '',
      idempotencyKey: undefined,
    } as AccountDraft;
    const count = countingLogger();
    const waiting = new Map<string, (progress: JobProgress) => void>();
    const jobs = createJobRunner({ emit: (progress) => progress.state !== 'running' && waiting.get(progress.jobId)?.(progress), log: count.logger });
    const deliveries = createChatpushDeliveries({ accounts: memoryAccounts(draft), clients: createProviderClients({ redactor: new Redactor(), log: count.logger }) });

    const run = async (pacing?: Partial<PacingOptions>) => {
      count.reset();
      const bulk = createBulkLookups({ deliveries, jobs, pacing });
      const started = performance.now();
      const end = await new Promise<JobProgress>((resolve) => {
        const { jobId } = bulk.start({ accountId: 'bench', tokenId: 'token' }, ids);
        waiting.set(jobId, resolve);
      });
      const ms = performance.now() - started;
      const results = bulk.results(end.jobId);
      const found = results.items.filter((item) => item.ok).length;
      if (end.state !== 'finished' || found !== IDS) throw new Error(`lookup ended ${end.state} with ${found}/${IDS} found`);
      return { ms, requests: count.counts.requests, tooMany: count.counts.tooMany, rateLimited: results.rateLimited };
    };

    const baseline = await run({ maxInFlight: 1 });
    const paced = await run();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

    console.log(`bulk-lookup: ${IDS} Chategy/Jetapi delivery ids, ${LATENCY_MS} ms latency per request, sandbox limit ${SANDBOX_LIMIT_PER_SECOND} requests/s per token`);
    console.log(`  paced bulk lookup   ${seconds(paced.ms)}  (${paced.requests} requests, ${Math.round(paced.requests / (paced.ms / 1000))} requests/s)`);
    console.log(`  one at a time       ${seconds(baseline.ms)}  (${baseline.requests} requests, ${(baseline.ms / baseline.requests).toFixed(1)} ms each)`);
    console.log(`  speed-up            ${(baseline.ms / paced.ms).toFixed(1)}×  (goal ≥ 10×)`);
    console.log(`  429 answers         ${paced.tooMany} paced, ${baseline.tooMany} one at a time  (goal 0)`);
    if (paced.tooMany > 0 || baseline.ms / paced.ms < 10) process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

await main();
