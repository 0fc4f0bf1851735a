import { describe, expect, it } from 'vitest';
import { WIZARD_UNFINISHED_OPERATION, type WizardProgress } from '../../../../shared/auth';
import type { JobProgress } from '../../../../shared/jobs';
import { perTestCores } from '../../testing/per-test-cores';

const cores = perTestCores();

const demoCore = () => cores.withDemo();

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
    // What the platform answered, as codes the window words: the ids it gave, and where the client token went.
    expect(created.log).toEqual([
      {
        step: 'create',
        outcome: 'done',
        answers: [
          { code: 'instanceCreated', instanceId: String(instance!.id), customerId: String(instance!.customerId) },
          { code: 'tokenAdded', label: 'crm-42' },
        ],
        at: expect.any(String),
      },
    ]);
    // The password never reaches the store or a response.
    expect(JSON.stringify(core.store.get('authorization.wizard'))).not.toContain('secret123');

    // Closed half-way: the progress is still there, at the same step.
    expect(await core.call<WizardProgress>('auth.wizard')).toEqual(created);
    // A step the screen finishes reports only its own kind of answer.
    const mismatched = await core.callRaw('auth.wizardAdvance', { from: 'authorize', outcome: 'done', answer: { code: 'webhookCreated', webhookId: '7', types: [] } });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const authorized = { code: 'authorized', method: 'qr', phone: '995598000111' } as const;
    const next = await core.call<WizardProgress>('auth.wizardAdvance', { from: 'authorize', outcome: 'done', answer: authorized });
    expect(next.step).toBe('webhooks');
    expect(next.log.at(-1)).toMatchObject({ step: 'authorize', outcome: 'done', answers: [authorized] });
    const wrong = await core.callRaw('auth.wizardAdvance', { from: 'authorize', outcome: 'done' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await core.call('auth.wizardAdvance', { from: 'webhooks', outcome: 'skipped' });
    const sent = { code: 'testSent', deliveryId: '31', statusId: 6, statusDescription: 'Accepted' } as const;
    const finished = await core.call<WizardProgress>('auth.wizardAdvance', { from: 'testMessage', outcome: 'done', answer: sent });
    expect(finished.step).toBe('done');
    expect(finished.log.map((entry) => [entry.step, entry.outcome, entry.answers.map((answer) => answer.code)])).toEqual([
      ['create', 'done', ['instanceCreated', 'tokenAdded']],
      ['authorize', 'done', ['authorized']],
      ['webhooks', 'skipped', []],
      ['testMessage', 'done', ['testSent']],
    ]);
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
    const waited = await core.call<WizardProgress>('auth.wizard');
    expect(waited.step).toBe('settings');
    expect(waited.log.map((entry) => entry.answers)).toEqual([[{ code: 'instanceAdded', idInstance: seeded!.idInstance }], [{ code: 'stateReached', state: 'notAuthorized' }]]);

    const recommended = await core.call<{ rows: { key: string; current: string | null; recommended: string }[] }>('auth.wizardRecommended');
    expect(recommended.rows.find((row) => row.key === 'stateWebhook')).toMatchObject({ recommended: 'yes' });
    const applied = await core.call<WizardProgress>('auth.wizardApplySettings', { webhookUrl: 'https://crm.example.com/hook' });
    expect(applied.step).toBe('authorize');
    expect(applied.log.at(-1)?.answers).toEqual([{ code: 'settingsChanged', keys: expect.arrayContaining(['stateWebhook', 'webhookUrl']) }]);
    const record = sandbox.state.greenapi.instances.find((candidate) => candidate.idInstance === seeded!.idInstance)!;
    expect(record.settings).toMatchObject({ stateWebhook: 'yes', webhookUrl: 'https://crm.example.com/hook' });
  }, 30_000);

  it('refuses to start another wizard over unfinished progress, naming it, and changes nothing at the provider or in the accounts', async () => {
    const { core, sandbox, accountId } = await demoCore();
    const created = await core.call<WizardProgress>('auth.wizardCreate', { accountId: accountId('chatpush'), form });
    const instancesBefore = sandbox.state.chatpush.instances.length;
    const accountsBefore = await core.call('accounts.list');
    const [seeded] = sandbox.controls.greenapi.seedInstances(1);
    const addExisting = { accountId: accountId('greenapi'), label: 'Other', idInstance: seeded!.idInstance, apiTokenInstance: seeded!.apiTokenInstance, ...sandbox.urls.greenapi };

    const again = await core.callRaw('auth.wizardCreate', { accountId: accountId('chatpush'), form: { ...form, email: 'second@example.com', phone: '+995 555 846 454', externalId: 'crm-43' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', details: { operation: WIZARD_UNFINISHED_OPERATION } } });
    expect((again as { error: { message: string } }).error.message).toContain('“crm-42” is not finished');
    const added = await core.callRaw('auth.wizardAddExisting', addExisting);
    expect(added).toMatchObject({ ok: false, error: { code: 'conflict', details: { operation: WIZARD_UNFINISHED_OPERATION } } });

    // Nothing was created or added, and the unfinished wizard is where it was.
    expect(sandbox.state.chatpush.instances).toHaveLength(instancesBefore);
    expect(await core.call('accounts.list')).toEqual(accountsBefore);
    expect(await core.call<WizardProgress>('auth.wizard')).toEqual(created);

    // Discarded, the next one starts; a finished one is only waiting to be closed and may be replaced.
    await core.call('auth.wizardDiscard');
    const second = await core.call<WizardProgress>('auth.wizardAddExisting', addExisting);
    expect(second).toMatchObject({ kind: 'addExisting', label: 'Other' });
    core.store.set('authorization.wizard', { ...second, step: 'done' });
    const third = await core.call<WizardProgress>('auth.wizardCreate', { accountId: accountId('chatpush'), form: { ...form, email: 'third@example.com', phone: '+995 555 846 455', externalId: 'crm-44' } });
    expect(third).toMatchObject({ kind: 'create', label: 'crm-44' });
  });

  it('resumes progress saved before answers were codes: the free-text details are dropped, the steps kept', async () => {
    const { core, accountId } = await demoCore();
    const at = '2025-01-01T00:00:00.000Z';
    core.store.set('authorization.wizard', {
      kind: 'create',
      accountId: accountId('chatpush'),
      instance: '20322',
      label: 'crm-1',
      tokenId: null,
      step: 'webhooks',
      log: [
        { step: 'create', outcome: 'done', detail: 'instance 1, customer 20322', at },
        { step: 'authorize', outcome: 'skipped', detail: null, at },
      ],
      startedAt: at,
    });
    const resumed = await core.call<WizardProgress>('auth.wizard');
    expect(resumed).toMatchObject({ step: 'webhooks', label: 'crm-1' });
    expect(resumed.log).toEqual([
      { step: 'create', outcome: 'done', answers: [], at },
      { step: 'authorize', outcome: 'skipped', answers: [], at },
    ]);
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
