import { afterEach, describe, expect, it } from 'vitest';
import type { WizardProgress } from '../../../../shared/auth';
import type { JobProgress } from '../../../../shared/jobs';
import { startTestCore } from '../../testing/test-core';

let running: Awaited<ReturnType<typeof startTestCore>> | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

async function demoCore() {
  running = await startTestCore();
  const sandbox = await running.core.sandboxReady();
  const views = await running.call<{ id: string; provider: string }[]>('demo.create');
  const accountId = (provider: string) => views.find((view) => view.provider === provider)!.id;
  return { core: running, sandbox, accountId };
}

const form = { email: 'new.client@example.com', phone: '+995 555 846 453', password: 'secret123', externalId: 'crm-42', dispatchRouting: ['whatsapp'], renewSubscription: true };

describe('provisioning wizard', () => {
  it('creates a Chategy/Jetapi instance, adds its token to the account, and resumes at the step it stopped at', async () => {
    const { core, sandbox, accountId } = await demoCore();
    const refused = await core.callRaw('auth.wizardCreate', { accountId: accountId('chatpush'), form: { ...form, email: 'not-an-email', password: 'short' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = (refused as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map((field) => field.path);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
    expect(await core.call('auth.wizard')).toBeNull();

    const created = await core.call<WizardProgress>('auth.wizardCreate', { accountId: accountId('chatpush'), form });
    expect(created).toMatchObject({ kind: 'create', step: 'authorize', label: 'crm-42', tokenId: expect.any(String) });
    const instance = sandbox.state.chatpush.instances.find((candidate) => candidate.customerId === Number(created.instance));
    expect(instance?.externalId).toBe('crm-42');
    // The password never reaches the store or a response.
    expect(JSON.stringify(core.store.get('authorization.wizard'))).not.toContain('secret123');

    // Closed half-way: the progress is still there, at the same step.
    expect(await core.call<WizardProgress>('auth.wizard')).toEqual(created);
    const next = await core.call<WizardProgress>('auth.wizardAdvance', { from: 'authorize', outcome: 'skipped' });
    expect(next.step).toBe('webhooks');
    const wrong = await core.callRaw('auth.wizardAdvance', { from: 'authorize', outcome: 'done' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await core.call('auth.wizardAdvance', { from: 'webhooks', outcome: 'skipped' });
    expect((await core.call<WizardProgress>('auth.wizardAdvance', { from: 'testMessage', outcome: 'done' })).step).toBe('done');
    await core.call('auth.wizardDiscard');
    expect(await core.call('auth.wizard')).toBeNull();
  });

  it('adds a GREEN-API instance by credentials, waits while it is being created, and applies the recommended settings', async () => {
    const { core, sandbox, accountId } = await demoCore();
    sandbox.state.greenapi.timings.creatingWindowMs = 1_000;
    const [seeded] = sandbox.controls.greenapi.seedInstances(1, { state: null });
    const added = await core.call<WizardProgress>('auth.wizardAddExisting', {
      accountId: accountId('greenapi'),
      label: 'Fresh line',
      idInstance: seeded!.idInstance,
      apiTokenInstance: seeded!.apiTokenInstance,
      ...sandbox.urls.greenapi,
    });
    expect(added).toMatchObject({ kind: 'addExisting', step: 'wait', label: 'Fresh line' });

    const { jobId } = await core.call<{ jobId: string }>('auth.wizardWait');
    await until(() => core.events.some((event) => event.name === 'jobs.progress' && (event.payload as JobProgress).jobId === jobId && (event.payload as JobProgress).state !== 'running'), 20_000);
    const last = core.events.filter((event) => event.name === 'jobs.progress').map((event) => event.payload as JobProgress).at(-1)!;
    expect(last).toMatchObject({ state: 'finished', done: expect.any(Number) });
    expect((await core.call<WizardProgress>('auth.wizard')).step).toBe('settings');

    const recommended = await core.call<{ rows: { key: string; current: string | null; recommended: string }[] }>('auth.wizardRecommended');
    expect(recommended.rows.find((row) => row.key === 'stateWebhook')).toMatchObject({ recommended: 'yes' });
    const applied = await core.call<WizardProgress>('auth.wizardApplySettings', { webhookUrl: 'https://crm.example.com/hook' });
    expect(applied.step).toBe('authorize');
    expect(applied.log.at(-1)?.detail).toContain('stateWebhook');
    const record = sandbox.state.greenapi.instances.find((candidate) => candidate.idInstance === seeded!.idInstance)!;
    expect(record.settings).toMatchObject({ stateWebhook: 'yes', webhookUrl: 'https://crm.example.com/hook' });
  }, 30_000);
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
