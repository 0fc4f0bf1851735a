import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Fault } from '../electron/core/sandbox';
import type { ProviderId } from '../shared/providers';
import { ACCOUNT, FAULTS, chatpushCustomer, expectOperatorMessage, openScreen, startFaultWorld, underFault, type FaultName, type FaultWorld } from './faults';

/**
 * Fault survival on the Instances, Balances, Settings, Webhooks and Deliveries screens, in Chromium through web
 * mode against a sandbox this spec runs (the fault-by-screen matrix is at the top of e2e/faults.ts). Each case: the fault
 * is injected for the requests of one action, the operator reads the cause in words, still has what they typed
 * and a way forward (the same button, or "Try again"), and once the fault is cleared the way forward works.
 */
test.describe.configure({ mode: 'serial' });

let world: FaultWorld;
let page: Page;

test.beforeAll(async ({ browser }) => {
  world = await startFaultWorld(browser, ['chatpush', 'greenapi', 'chat2desk']);
  page = world.page;
});
test.afterAll(async () => world?.close());

const dialog = () => page.getByRole('dialog');
const alert = (scope: Locator | Page = page) => scope.getByRole('alert');

/** One fault on one action: injected (narrowed to `only` requests), the message checked, then cleared. */
async function failOnce(provider: ProviderId, name: FaultName, act: () => Promise<unknown>, message: () => Locator, only: Partial<Fault> = {}) {
  await underFault(world.sandbox, provider, { ...FAULTS[name].fault(provider), ...only } as Fault, async () => {
    await act();
    await expectOperatorMessage(message(), FAULTS[name].says(provider));
  });
}

const chooseAccount = (provider: ProviderId) => page.getByLabel('Account', { exact: true }).selectOption({ label: `${ACCOUNT[provider]} (${PROVIDER_NAMES[provider]})` });
const PROVIDER_NAMES: Record<ProviderId, string> = { chatpush: 'Chategy / Jetapi', greenapi: 'GREEN-API', chat2desk: 'Chat2Desk', chatti: 'Chatti' };

/**
 * Refreshes one fleet job at a time, so each round's faults hit all their providers in the same refresh: the
 * operator sees one line per account that could not be read, each with its own reason.
 */
async function refreshRound(faults: [ProviderId, FaultName][], message: (provider: ProviderId) => Locator, recovered: () => Promise<void>) {
  const refresh = page.getByRole('button', { name: 'Refresh fleet' });
  for (const [provider, name] of faults) world.sandbox.faults.inject(provider, FAULTS[name].fault(provider));
  try {
    await refresh.click();
    for (const [provider, name] of faults) await expectOperatorMessage(message(provider), FAULTS[name].says(provider));
  } finally {
    world.sandbox.faults.clear();
  }
  await expect(refresh).toBeVisible({ timeout: 20_000 });
  await refresh.click();
  await recovered();
}

test('Instances: a refresh names each account that could not be read and why; the next refresh clears it', async () => {
  await openScreen(page, 'Instances');
  const problems = page.getByRole('region', { name: 'Some accounts could not be read in full' });
  await refreshRound(
    [
      ['chatpush', '403'],
      ['greenapi', '404'],
      ['chat2desk', '500'],
    ],
    (provider) => problems.getByRole('listitem').filter({ hasText: `${ACCOUNT[provider]}:` }),
    () => expect(problems).toBeHidden({ timeout: 20_000 }),
  );
});

test('Balances: a refresh that could not read a balance says why, and the next refresh shows it', async () => {
  await openScreen(page, 'Balances');
  const row = (provider: ProviderId) => page.getByRole('row', { name: new RegExp(`^${ACCOUNT[provider]}`) });
  await refreshRound(
    [
      ['chatpush', '429'],
      ['chat2desk', 'truncated'],
    ],
    row,
    async () => {
      await expect(row('chatpush')).not.toContainText('limiting the request rate', { timeout: 20_000 });
      await expect(row('chatpush').locator('.balance-amount')).toHaveText(/\d+\.\d\d/);
      await expect(row('chat2desk')).not.toContainText('cut off');
    },
  );
});

test('Settings: a load that fails offers "Try again"; a save that fails keeps the edits, and saving again works', async () => {
  await openScreen(page, 'Settings');
  const retry = page.getByRole('button', { name: 'Try again' });
  const delay = page.getByRole('textbox', { name: 'Send delay, ms' });

  await test.step('GREEN-API load: 401, then truncated JSON', async () => {
    await chooseAccount('chatpush');
    await failOnce('greenapi', '401', () => chooseAccount('greenapi'), () => alert(), { path: '/getSettings/' });
    await failOnce('greenapi', 'truncated', () => retry.click(), () => alert(), { path: '/getSettings/' });
    await retry.click();
    await expect(delay).toBeVisible();
  });

  await test.step('GREEN-API save: 429 with a short Retry-After', async () => {
    await delay.fill('6000');
    await page.getByRole('button', { name: 'Review changes…' }).click();
    const save = dialog().getByRole('button', { name: /^Save \d+ change/ });
    await underFault(world.sandbox, 'greenapi', { kind: 'status', status: 429, retryAfter: 1, path: '/setSettings/' }, async () => {
      await save.click();
      await expectOperatorMessage(alert(dialog()), /limiting the request rate.*Try again in 1 second\./);
    });
    // The limiter holds setSettings for what is left of that second: saving again waits for it, then goes through.
    await save.click();
    await expect(dialog()).toBeHidden();
    await expect(page.getByText(/Saved: .*delaySendMessagesMilliseconds/)).toBeVisible();
    await expect(delay).toHaveValue('6000');
  });

  await test.step('Chategy/Jetapi load: connection reset; save: 500', async () => {
    await failOnce('chatpush', 'reset', () => chooseAccount('chatpush'), () => alert());
    await retry.click();
    const form = page.getByRole('form', { name: 'Instance' });
    await form.getByLabel('External id').fill('crm-fault-500');
    await failOnce('chatpush', '500', () => form.getByRole('button', { name: 'Save instance' }).click(), () => alert(form), { method: 'PUT' });
    await expect(form.getByLabel('External id')).toHaveValue('crm-fault-500');
    await form.getByRole('button', { name: 'Save instance' }).click();
    await expect(page.getByText(/Instance \d+ saved\./)).toBeVisible();
  });

  await test.step('Chat2Desk load: connection reset; save: timeout', async () => {
    await failOnce('chat2desk', 'reset', () => chooseAccount('chat2desk'), () => alert());
    await retry.click();
    await page.getByLabel('Field 2').fill('VIP line');
    const save = page.getByRole('button', { name: 'Save company settings' });
    await failOnce('chat2desk', 'timeout', () => save.click(), () => alert(), { method: 'PUT' });
    await expect(page.getByLabel('Field 2')).toHaveValue('VIP line');
    await save.click();
    await expect(page.getByText(/Saved: .*customInfo\.2/)).toBeVisible();
  });
});

test('Webhooks: a list that fails offers reloading; a save that fails keeps the URL, and saving again works', async () => {
  await openScreen(page, 'Webhooks');
  const table = page.getByRole('table', { name: 'Webhooks' });
  const reload = page.getByRole('button', { name: 'Reload' });

  await test.step('Chategy/Jetapi list: 502 as an HTML page; create: 422 in the provider’s words', async () => {
    await chooseAccount('chatpush');
    await failOnce('chatpush', '502 HTML', () => reload.click(), () => alert());
    await reload.click();
    await expect(page.getByText('No webhooks yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await dialog().getByLabel('URL').fill('https://hooks.example.com/jetapi-faults');
    await dialog().getByRole('checkbox', { name: 'whatsapp_status_msg' }).check();
    const create = dialog().getByRole('button', { name: 'Create webhook' });
    await failOnce('chatpush', '422', () => create.click(), () => alert(dialog()), { method: 'POST' });
    await expect(dialog().getByLabel('URL')).toHaveValue('https://hooks.example.com/jetapi-faults');
    await create.click();
    await expect(dialog()).toBeHidden();
    await expect(table).toContainText('https://hooks.example.com/jetapi-faults');
  });

  await test.step('GREEN-API load: 466; save: 502 as an HTML page', async () => {
    await failOnce('greenapi', '466', () => chooseAccount('greenapi'), () => alert(), { path: '/getSettings/' });
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('radio', { name: /Webhook: GREEN-API POSTs/ }).check();
    await page.getByLabel('Webhook URL').fill('https://hooks.example.com/green-faults');
    const save = page.getByRole('button', { name: 'Save notification settings' });
    await failOnce('greenapi', '502 HTML', () => save.click(), () => alert(), { path: '/setSettings/' });
    await expect(page.getByLabel('Webhook URL')).toHaveValue('https://hooks.example.com/green-faults');
    await save.click();
    await expect(page.getByText(/Saved \d+ changes?:/)).toBeVisible();
  });

  await test.step('Chat2Desk list: 401; create: 422 in the provider’s words', async () => {
    await chooseAccount('chatpush');
    await failOnce('chat2desk', '401', () => chooseAccount('chat2desk'), () => alert(), { path: '/webhooks' });
    await reload.click();
    await expect(page.getByTestId('c2d-allowance')).toBeVisible();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await dialog().getByLabel('Name').fill('Faults');
    await dialog().getByLabel('URL').fill('https://crm.example.com/c2d-faults');
    await dialog().getByRole('checkbox', { name: 'inbox' }).check();
    const create = dialog().getByRole('button', { name: 'Create webhook' });
    await failOnce('chat2desk', '422', () => create.click(), () => alert(dialog()), { method: 'POST' });
    await expect(dialog().getByLabel('URL')).toHaveValue('https://crm.example.com/c2d-faults');
    await expect(dialog().getByLabel('Name')).toHaveValue('Faults');
    await create.click();
    await expect(dialog()).toBeHidden();
    await expect(table).toContainText('Faults');
  });
});

test('Deliveries: a lookup or a send that fails keeps the id or the message, and trying again finds or sends it', async () => {
  await openScreen(page, 'Deliveries');
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const panel = () => page.getByRole('tabpanel');

  await test.step('Chategy/Jetapi lookup: 404, then truncated JSON; send: timeout', async () => {
    await chooseAccount('chatpush');
    const customer = chatpushCustomer(world.sandbox);
    const created = await fetch(`${world.sandbox.urls.chatpush.rest}/api/v1/delivery?phone=995598464533&text=hello&dispatch_routing[]=sms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    const id = String(((await created.json()) as { delivery: { id: number } }).delivery.id);
    await tab('Look up').click();
    await page.getByLabel('Delivery id', { exact: true }).fill(id);
    const lookUp = page.getByRole('button', { name: 'Look up', exact: true });
    await failOnce('chatpush', '404', () => lookUp.click(), () => alert());
    await failOnce('chatpush', 'truncated', () => lookUp.click(), () => alert());
    await expect(page.getByLabel('Delivery id', { exact: true })).toHaveValue(id);
    await lookUp.click();
    await expect(page.getByTestId('delivery-card')).toContainText(`Delivery ${id}`);

    await tab('Test message').click();
    await panel().getByLabel('Phone', { exact: true }).fill('995598464533');
    await panel().getByLabel('Text', { exact: true }).fill('Order 42 shipped');
    const send = page.getByRole('button', { name: 'Send test message' });
    await failOnce('chatpush', 'timeout', () => send.click(), () => alert(), { method: 'POST' });
    await expect(panel().getByLabel('Phone', { exact: true })).toHaveValue('995598464533');
    await expect(panel().getByLabel('Text', { exact: true })).toHaveValue('Order 42 shipped');
    await send.click();
    await expect(page.getByText(/Sent: delivery \d+/)).toBeVisible();
  });

  await test.step('GREEN-API send: 422 in the provider’s words, then timeout; find: connection reset', async () => {
    await chooseAccount('greenapi');
    await tab('Test message').click();
    await panel().getByLabel('Chat id').fill('79001234567@c.us');
    await panel().getByLabel('Message', { exact: true }).fill('Fault survival');
    const send = page.getByRole('button', { name: 'Send test message' });
    await failOnce('greenapi', '422', () => send.click(), () => alert(), { path: '/sendMessage/' });
    await failOnce('greenapi', 'timeout', () => send.click(), () => alert(), { path: '/sendMessage/' });
    await expect(panel().getByLabel('Chat id')).toHaveValue('79001234567@c.us');
    await expect(panel().getByLabel('Message', { exact: true })).toHaveValue('Fault survival');
    await send.click();
    await expect(page.getByText(/Queued with idMessage \w+/)).toBeVisible();
    await page.getByRole('button', { name: 'Find this message' }).click();
    const find = page.getByRole('button', { name: 'Find message' });
    await failOnce('greenapi', 'reset', () => find.click(), () => alert(), { path: '/getMessage/' });
    await expect(panel().getByLabel('Message id (idMessage)')).not.toHaveValue('');
    await expect(async () => {
      await find.click();
      await expect(page.getByTestId('journal-entry')).toContainText('Fault survival', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });

  await test.step('Chat2Desk messages: 502 as an HTML page; find: 404', async () => {
    await chooseAccount('chat2desk');
    await tab('Messages').click();
    const show = page.getByRole('button', { name: 'Show messages' });
    await failOnce('chat2desk', '502 HTML', () => show.click(), () => alert());
    await show.click();
    const messages = page.getByRole('table', { name: 'Chat2Desk messages' });
    await expect(messages).toBeVisible();
    const firstId = (await messages.locator('tbody tr th').first().textContent())!;
    await tab('Message').click();
    await panel().getByLabel('Message id').fill(firstId);
    const find = page.getByRole('button', { name: 'Find message' });
    await failOnce('chat2desk', '404', () => find.click(), () => alert());
    await expect(panel().getByLabel('Message id')).toHaveValue(firstId);
    await find.click();
    await expect(page.getByTestId('c2d-message')).toContainText(`#${firstId}`);
  });
});
