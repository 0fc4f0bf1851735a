import {
  WIZARD_SCREEN_ANSWERS,
  WIZARD_STEPS,
  WIZARD_UNFINISHED_OPERATION,
  WizardProgressSchema,
  type ChatpushCreateForm,
  type WizardAnswer,
  type WizardProgress,
  type WizardStep,
} from '../../../../shared/auth';
import type { AccountPatch } from '../../../../shared/accounts';
import { errorReason } from '../../../../shared/error-reasons';
import { fieldIssue } from '../../../../shared/field-problems';
import { GREENAPI_RECOMMENDED_SETTINGS } from '../../../../shared/instance-settings';
import { AppError } from '../../app-error';
import type { KeyValueStore } from '../../ports';
import { changedGreenApiSettings, type GreenApiSettings } from '../../providers/greenapi';
import type { AccountsService } from '../accounts/accounts-service';
import type { JobControl } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { NOT_READY_POLL_MS, waitUntilReady } from './greenapi-link-state';
import type { Wait } from './session-driver';
import { accountWithIds, requireProvider, resolveTarget } from './targets';

const KEY = 'authorization.wizard';
/** 1.3.13: creation takes up to 5 minutes; the wait gives it twice that (120 reads, one every 5 s) before it gives up. */
const WAIT_LIMIT_MS = 10 * 60_000;

export interface WizardDeps {
  accounts: AccountsService;
  clients: ProviderClients;
  store: KeyValueStore;
  jobs: { start<T>(kind: string, work: (job: JobControl) => Promise<T>): { jobId: string; done: Promise<T | undefined> } };
  wait: Wait;
  now?: () => Date;
  /** How long the wait step reads the state before it gives up (default 10 minutes; browser tests shorten it). */
  waitLimitMs?: number;
}

/**
 * The provisioning wizard's steps that run in main, and its progress, kept in the plain store (no secrets: the
 * password is sent once and the new token goes to the vault with the account) so a wizard closed half-way resumes.
 */
export function createProvisioningWizard(deps: WizardDeps) {
  const { accounts, clients, store } = deps;
  const stamp = () => (deps.now?.() ?? new Date()).toISOString();
  let waiting: { instance: string; jobId: string } | null = null;

  const get = (): WizardProgress | null => {
    const parsed = WizardProgressSchema.safeParse(store.get(KEY));
    return parsed.success ? parsed.data : null;
  };
  const current = (): WizardProgress => {
    const progress = get();
    if (!progress) throw new AppError('not_found', 'No provisioning is in progress. Start it again from the Authorize screen.');
    return progress;
  };
  const save = (progress: WizardProgress) => (store.set(KEY, progress), progress);
  const expect = (progress: WizardProgress, step: WizardStep) => {
    if (progress.step !== step) throw new AppError('conflict', `The wizard is at the “${progress.step}” step, not “${step}”. Reopen it to continue.`);
  };
  /** Records `from` as finished, with what the provider answered, and moves to the next step of this kind of wizard. */
  const advance = (progress: WizardProgress, from: WizardStep, outcome: 'done' | 'skipped', answers: WizardAnswer[]) => {
    const order: readonly string[] = WIZARD_STEPS[progress.kind === 'create' ? 'chatpush' : 'greenapi'];
    const next = (order[order.indexOf(from) + 1] ?? 'done') as WizardStep;
    return save({ ...progress, step: next, log: [...progress.log, { step: from, outcome, answers, at: stamp() }] });
  };
  /**
   * One progress is kept: a second wizard started over an unfinished one would lose where that one stopped (and the
   * client token id the later steps need). A finished one is only waiting to be closed, so it may be replaced.
   */
  const refuseOverUnfinished = () => {
    const unfinished = get();
    if (!unfinished || unfinished.step === 'done') return;
    throw new AppError(
      'conflict',
      `Setting up “${unfinished.label}” is not finished: it stopped at the “${unfinished.step}” step. Resume it or discard it before adding another instance, or its progress would be lost.`,
      { operation: WIZARD_UNFINISHED_OPERATION },
    );
  };
  const target = (progress: WizardProgress) => ({ accountId: progress.accountId, instance: progress.instance });
  const greenapiApi = async (progress: WizardProgress) =>
    clients.greenapiInstance(requireProvider(await resolveTarget(accounts, clients, target(progress)), 'greenapi', 'This step').credentials);

  return {
    get,

    /** §2 Create, validated by the platform's rules in the client; then the new token joins the account. */
    async create(accountId: string, form: ChatpushCreateForm): Promise<WizardProgress> {
      refuseOverUnfinished();
      const { account, record } = await accountWithIds(accounts, accountId);
      if (account.provider !== 'chatpush' || record.provider !== 'chatpush') throw new AppError('invalid_input', 'Only Chategy/Jetapi accounts create instances.');
      const created = await clients.chatpushDeveloper(account).createInstance({
        email: form.email,
        phone: form.phone,
        password: form.password,
        ...(form.externalId ? { externalId: form.externalId } : {}),
        ...(form.dispatchRouting.length ? { dispatchRouting: form.dispatchRouting } : {}),
        renewSubscription: form.renewSubscription,
      });
      const label = form.externalId || form.email;
      const createdAnswer: WizardAnswer = { code: 'instanceCreated', instanceId: String(created.id), customerId: String(created.customerId) };
      const startedAt = stamp();
      const saveCreated = (more: WizardAnswer[], tokenId: string | null) =>
        save({
          kind: 'create',
          accountId,
          instance: String(created.customerId),
          label,
          tokenId,
          step: 'authorize',
          log: [{ step: 'create', outcome: 'done', answers: [createdAnswer, ...more], at: startedAt }],
          startedAt,
        });
      // Saved before the account changes: if that fails, the wizard still knows the instance exists.
      saveCreated([], null);
      const { id: _id, createdAt: _c, updatedAt: _u, sandbox: _s, ...fields } = record;
      try {
        const view = await accounts.update(accountId, { ...fields, clientTokens: [...fields.clientTokens, { label, token: created.token }] } as AccountPatch);
        const tokens = view.provider === 'chatpush' ? view.clientTokens : [];
        return saveCreated([{ code: 'tokenAdded', label }], tokens.at(-1)?.id ?? null);
      } catch (error) {
        // The instance exists: failing here would invite a second "Create". The wizard goes on; the steps that need
        // the token say so, and the create step's answer keeps why.
        const reason = error instanceof AppError ? error : new AppError('internal', 'The account could not be saved.');
        return saveCreated([{ code: 'tokenNotAdded', error: reason.toShape() }], null);
      }
    },

    /** GREEN-API: the instance joins the account by its credentials; then the wizard waits for it to exist. */
    async addExisting(input: { accountId: string; label: string; idInstance: string; apiTokenInstance: string; apiUrl: string; mediaUrl: string }): Promise<WizardProgress> {
      refuseOverUnfinished();
      const { record } = await accountWithIds(accounts, input.accountId);
      if (record.provider !== 'greenapi') throw new AppError('invalid_input', 'Only GREEN-API accounts add instances by credentials.');
      if (record.instances.some((entry) => entry.idInstance === input.idInstance)) {
        throw new AppError('conflict', `idInstance ${input.idInstance} is already in this account.`, { fields: [fieldIssue('idInstance', 'instance_already_added')] });
      }
      const { id: _id, createdAt: _c, updatedAt: _u, sandbox: _s, ...fields } = record;
      const { accountId: _a, ...entry } = input;
      const view = await accounts.update(input.accountId, { ...fields, instances: [...fields.instances, entry] } as AccountPatch);
      const added = view.provider === 'greenapi' ? view.instances.at(-1) : undefined;
      if (!added) throw new AppError('internal', 'The instance was not added to the account.');
      return save({
        kind: 'addExisting',
        accountId: input.accountId,
        instance: added.id,
        label: input.label || input.idInstance,
        tokenId: null,
        step: 'wait',
        log: [{ step: 'create', outcome: 'done', answers: [{ code: 'instanceAdded', idInstance: input.idInstance }], at: stamp() }],
        startedAt: stamp(),
      });
    },

    /** Polls getStateInstance every 5 s while the body is `null` (1.3.13), as a job the screen follows and can cancel. */
    async wait(): Promise<{ jobId: string }> {
      const progress = current();
      expect(progress, 'wait');
      if (waiting?.instance === progress.instance) return { jobId: waiting.jobId };
      const api = await greenapiApi(progress);
      const waitPolls = Math.max(1, Math.ceil((deps.waitLimitMs ?? WAIT_LIMIT_MS) / NOT_READY_POLL_MS));
      const { jobId, done } = deps.jobs.start('auth.waitReady', async (job) => {
        job.setTotal(waitPolls);
        const limit = new AbortController();
        const stop = () => limit.abort();
        job.signal.addEventListener('abort', stop, { once: true });
        let polls = 0;
        const tick = (ok: boolean) => {
          job.tick(ok);
          if (++polls >= waitPolls) limit.abort();
        };
        try {
          const state = await waitUntilReady(api, { waiting: () => tick(true), notice: () => tick(false) }, deps.wait, limit.signal);
          advance(current(), 'wait', 'done', [{ code: 'stateReached', state }]);
        } catch (error) {
          if (job.signal.aborted || !limit.signal.aborted) throw error;
          throw new AppError('timeout', 'GREEN-API still reports the instance as being created after 10 minutes. Check it in the personal account, or contact GREEN-API support.', {
            provider: 'greenapi',
            operation: 'getStateInstance',
            ...errorReason('instance_still_creating'),
          });
        } finally {
          job.signal.removeEventListener('abort', stop);
        }
      });
      waiting = { instance: progress.instance, jobId };
      void done.finally(() => (waiting = null));
      return { jobId };
    },

    /** The recommended settings beside the instance's current ones. */
    async recommended() {
      const progress = current();
      expect(progress, 'settings');
      const settings = await (await greenapiApi(progress)).getSettings();
      const rows = Object.entries(GREENAPI_RECOMMENDED_SETTINGS).map(([key, recommended]) => {
        const value = settings[key as keyof GreenApiSettings];
        return { key, current: value === null || value === undefined ? null : String(value), recommended: String(recommended) };
      });
      return { rows, webhookUrl: settings.webhookUrl ?? null };
    },

    /** Sends only what differs (setSettings restarts the instance, §2.2), then moves on to authorization. */
    async applySettings(webhookUrl: string): Promise<WizardProgress> {
      const progress = current();
      expect(progress, 'settings');
      const api = await greenapiApi(progress);
      const desired = { ...GREENAPI_RECOMMENDED_SETTINGS, ...(webhookUrl ? { webhookUrl } : {}) };
      const changes = changedGreenApiSettings(await api.getSettings(), desired);
      const keys = Object.keys(changes);
      if (keys.length > 0) {
        const { saveSettings } = await api.setSettings(changes);
        if (!saveSettings) throw new AppError('provider_error', 'GREEN-API did not save the settings (saveSettings: false). Try again in a minute.', { provider: 'greenapi', operation: 'setSettings' });
      }
      return advance(progress, 'settings', 'done', [keys.length ? { code: 'settingsChanged', keys } : { code: 'settingsUnchanged' }]);
    },

    /** A step the screen ran (authorized, webhook created, test sent): its answer must be that step's own kind. */
    advance(from: WizardStep, outcome: 'done' | 'skipped', answer?: WizardAnswer): WizardProgress {
      const progress = current();
      expect(progress, from);
      if (answer && WIZARD_SCREEN_ANSWERS[from as keyof typeof WIZARD_SCREEN_ANSWERS] !== answer.code) {
        throw new AppError('invalid_input', `The “${from}” step cannot report “${answer.code}”.`);
      }
      return advance(progress, from, outcome, answer && outcome === 'done' ? [answer] : []);
    },

    discard(): void {
      store.delete(KEY);
    },
  };
}
export type ProvisioningWizard = ReturnType<typeof createProvisioningWizard>;
