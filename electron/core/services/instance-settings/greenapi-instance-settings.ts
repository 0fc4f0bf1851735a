import {
  GREENAPI_SETTING_SWITCHES,
  greenApiSettingsDiff,
  type CopyResult,
  type GreenApiInstanceSettings,
  type GreenApiInstanceTarget,
  type GreenApiSettingsChanges,
} from '../../../../shared/instance-settings';
import { toAppErrorShape } from '../../app-error';
import type { GreenApiSettings, GreenApiSettingsPatchInput } from '../../providers/greenapi/schemas';
import type { AccountsService } from '../accounts/accounts-service';
import { resolveGreenApiInstance } from '../deliveries/account-targets';
import type { JobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';

/** Copies run a few instances at a time: setSettings is rate-limited per method, and the limiter queues the rest. */
const COPY_CONCURRENCY = 4;
/** Finished copy results kept for the screen to read; older jobs are forgotten first. */
const KEPT_COPY_JOBS = 20;

/**
 * One GREEN-API instance's settings (specs/greenapi.md §2.1–§3): read, saved key by key (only what differs, because
 * setSettings restarts the instance), and copied from one instance to many as a cancellable job.
 */
export function createGreenApiInstanceSettings(deps: { accounts: AccountsService; clients: ProviderClients; jobs: JobRunner }) {
  const copies = new Map<string, CopyResult[]>();
  const instance = async (target: GreenApiInstanceTarget, signal?: AbortSignal) =>
    deps.clients.greenapiInstance((await resolveGreenApiInstance(deps.accounts, target)).instance, signal);

  /** Saves what differs from the instance's current settings; returns the keys sent and the settings after. */
  const apply = async (target: GreenApiInstanceTarget, wanted: GreenApiSettingsChanges, signal?: AbortSignal) => {
    const api = await instance(target, signal);
    const current = view(await api.getSettings({ signal }));
    const diff = greenApiSettingsDiff(current, wanted);
    const patch = Object.fromEntries(diff.map(({ key, to }) => [key, to])) as GreenApiSettingsPatchInput;
    if (diff.length) await api.setSettings(patch, { signal });
    return { changed: diff.map(({ key }) => key), settings: { ...current, ...patch } as GreenApiInstanceSettings };
  };

  const get = async (target: GreenApiInstanceTarget, signal?: AbortSignal) => view(await (await instance(target, signal)).getSettings({ signal }));

  return {
    get: (target: GreenApiInstanceTarget) => get(target),

    save: (target: GreenApiInstanceTarget, changes: GreenApiSettingsChanges) => apply(target, changes),

    /** Reads the source once, then writes the chosen keys to each target; one failure does not stop the others. */
    copy(input: { source: GreenApiInstanceTarget; targets: GreenApiInstanceTarget[]; keys: (keyof GreenApiSettingsChanges)[] }): { jobId: string } {
      const results: CopyResult[] = input.targets.map((target) => ({ ...target, state: 'pending', changed: [], error: null }));
      const { jobId } = deps.jobs.start('instancesettings.copy', async (job) => {
        job.setTotal(results.length);
        const source = await get(input.source, job.signal).catch((error: unknown) => {
          const ended = job.signal.aborted ? { state: 'cancelled' as const } : { state: 'failed' as const, error: `The source instance could not be read: ${toAppErrorShape(error).message}` };
          for (const result of results) Object.assign(result, ended);
          throw error;
        });
        const wanted = Object.fromEntries(input.keys.flatMap((key) => (source[key] === null ? [] : [[key, source[key]]]))) as GreenApiSettingsChanges;
        let next = 0;
        const worker = async () => {
          while (next < results.length) {
            const result = results[next++]!;
            if (job.signal.aborted) {
              result.state = 'cancelled';
              continue;
            }
            try {
              const { changed } = await apply(result, wanted, job.signal);
              Object.assign(result, { state: changed.length ? 'changed' : 'unchanged', changed });
              job.tick(true);
            } catch (error) {
              Object.assign(result, job.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: toAppErrorShape(error).message });
              job.tick(false);
            }
          }
        };
        try {
          await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, results.length) }, worker));
        } finally {
          // Cancelled (or failed) before an instance's turn: say so instead of leaving it "waiting" for ever.
          for (const result of results) if (result.state === 'pending') result.state = 'cancelled';
        }
      });
      copies.set(jobId, results);
      for (const old of [...copies.keys()].slice(0, Math.max(0, copies.size - KEPT_COPY_JOBS))) copies.delete(old);
      return { jobId };
    },

    copyResults(jobId: string): CopyResult[] {
      return (copies.get(jobId) ?? []).map((result) => ({ ...result, changed: [...result.changed] }));
    },
  };
}

/** The provider's tolerant read, narrowed to what the screen edits (unknown values read as "not reported"). */
function view(settings: GreenApiSettings): GreenApiInstanceSettings {
  const switches = Object.fromEntries(
    GREENAPI_SETTING_SWITCHES.map((key) => {
      const value = settings[key];
      return [key, value === 'yes' || value === 'no' ? value : null];
    }),
  );
  const delay = settings.delaySendMessagesMilliseconds;
  return {
    webhookUrl: settings.webhookUrl ?? '',
    delaySendMessagesMilliseconds: typeof delay === 'number' && Number.isInteger(delay) ? delay : null,
    ...switches,
  } as GreenApiInstanceSettings;
}
