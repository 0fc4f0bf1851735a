import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChatpushAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Deliveries screen end to end in Chromium through web mode, against a sandbox this spec runs itself: it
 * enters the accounts like a user, and uses the sandbox's controls to move deliveries into each status class.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
let customer: Sandbox['state']['chatpush']['instances'][number];

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 11 });
  customer = sandbox.state.chatpush.instances.find((i) => i.token === sandbox.demo.chatpush.clientTokens[0]!.token)!;
  web = await startWebMode();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await openConsole(page, web.url);
  // Deliveries stay in the status the test puts them in until it moves them on.
  sandbox.controls.chatpush.configure({ deliveryStepMs: 3_600_000 });
  await addChatpushAccount(page, sandbox, 'Jetapi (local)', [{ label: 'Sales desk', token: customer.token }]);
  await page.goto(`${web.origin}/#/deliveries`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deliveries');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const dialog = () => page.getByRole('dialog');

/** A delivery made straight on the sandbox, as another system using the same token would. */
async function sandboxDelivery(routing = 'sms'): Promise<number> {
  const url = `${sandbox.urls.chatpush.rest}/api/v1/delivery?phone=995598464533&text=${encodeURIComponent('order shipped')}&dispatch_routing[]=${routing}`;
  const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${customer.token}` } });
  return ((await response.json()) as { delivery: { id: number } }).delivery.id;
}

const tab = (name: string) => page.getByRole('tab', { name });

async function lookUp(id: number) {
  await tab('Look up').click();
  await page.getByLabel('Delivery id', { exact: true }).fill(String(id));
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  const card = page.getByTestId('delivery-card');
  await expect(card).toContainText(`Delivery ${id}`);
  return card;
}

test('looks up a delivery in each status class, explained in words, and passes axe', async () => {
  const cases = [
    { status: null, badge: 'On its way', name: '6 · accepted', kind: 'Intermediate', meaning: 'Accepted by the service.', todo: 'follow the delivery until it is final' },
    { status: 2, badge: 'Delivered', name: '2 · delivered', kind: 'Final', meaning: 'Delivered.', todo: 'Nothing to do.' },
    { status: 45, badge: 'Failed', name: '45 · whatsapp_session_doesnt_exist', kind: 'Final', meaning: 'WhatsApp is not authorized', todo: 'scan the QR code' },
    { status: 18, badge: 'Stopped', name: '18 · cancelled', kind: 'Final', meaning: 'Cancelled.', todo: 'Nothing to do.' },
    { status: 56, badge: 'Failed', name: '56 · safe_sending_limit_exceeded', kind: 'Jetapi only', meaning: 'anti-ban', todo: 'Send fewer messages' },
  ];
  for (const c of cases) {
    const id = await sandboxDelivery();
    if (c.status !== null) sandbox.controls.chatpush.setDeliveryStatus(id, c.status);
    const card = await lookUp(id);
    const explanation = card.getByTestId('status-explanation');
    await expect(explanation).toContainText(c.badge);
    await expect(explanation).toContainText(c.name);
    await expect(explanation).toContainText(c.kind);
    await expect(explanation).toContainText(c.meaning);
    await expect(explanation).toContainText(c.todo);
  }
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Delivery id', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await expect(page.getByLabel('Delivery id', { exact: true })).toHaveValue('1');
});

test('follows a delivery until it is final, then explains the delete conditions and deletes it', async () => {
  const id = await sandboxDelivery('whatsapp');
  const card = await lookUp(id);
  await card.getByRole('button', { name: 'Follow until final' }).click();
  await expect(card.getByRole('status')).toContainText(`Following delivery ${id}`);
  sandbox.controls.chatpush.setDeliveryStatus(id, 2);
  await expect(card).toContainText(`Delivery ${id} reached a final status.`, { timeout: 15_000 });
  await expect(card.getByRole('list')).toContainText('2 delivered');

  await card.getByRole('button', { name: 'Delete on all devices…' }).click();
  await expect(dialog()).toContainText('only for WhatsApp and Telegram (TDLib) messages sent through the service');
  await dialog().getByRole('button', { name: 'Delete message' }).click();
  await expect(dialog()).toBeHidden();
  await expect(card).toContainText('4 · deleted');

  // An SMS cannot be deleted: the platform's refusal comes back as the rule it broke.
  const sms = await sandboxDelivery('sms');
  sandbox.controls.chatpush.setDeliveryStatus(sms, 2);
  const smsCard = await lookUp(sms);
  await smsCard.getByRole('button', { name: 'Delete on all devices…' }).click();
  await dialog().getByRole('button', { name: 'Delete message' }).click();
  const refusal = dialog().getByRole('alert');
  await expect(refusal).toContainText(`refused to delete delivery ${sms}: only WhatsApp and Telegram (TDLib) messages can be deleted, not SMS or other channels.`);
  await expect(refusal).toContainText('Nothing was deleted.');
  // The rule replaces the platform's raw field message, which is not repeated.
  await expect(refusal).not.toContainText('dispatch_type invalid');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
});

test('bulk lookup reports unknown ids, filters, exports CSV, and passes axe', async () => {
  const a = await sandboxDelivery();
  const b = await sandboxDelivery();
  sandbox.controls.chatpush.setDeliveryStatus(b, 2);
  await tab('Bulk lookup').click();
  await page.getByLabel('Delivery ids').fill(`${a}, 999999, ${b}\nnot-an-id ${a}`);
  await expect(page.getByText('Ready to look up 3 ids.')).toBeVisible();
  await expect(page.getByText('1 entry is not an id and is skipped: not-an-id.')).toBeVisible();
  await expect(page.getByText('1 duplicate is looked up once.')).toBeVisible();
  // The start call's answer is held back until the job has finished in main: the screen learns the job id only
  // after every progress report was pushed, which is what happened on a loaded CI machine ("0 of 3" for ever).
  await page.route('**/rpc/deliveries.bulkLookup', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
  });
  await page.getByRole('button', { name: 'Look up all' }).click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 found, 1 unknown, 0 failed.');
  await page.unroute('**/rpc/deliveries.bulkLookup');
  await expect(page.getByText('Looked up 3 of 3 Finished.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Bulk lookup results' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Show').selectOption('unknown');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Unknown id: the platform has no delivery with this id for this client token.');
  expect(await accessibilityViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('delivery_id,result,status_id,status,final,phone,sum,external_id,error');
  expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
    `${a},found,6,accepted,no`,
    '999999,unknown id,,,',
    `${b},found,2,delivered,yes`,
  ]);
});

test('bulk lookup reads a CSV file and can be cancelled: progress stops, the results so far are kept and exported', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) ids.push(await sandboxDelivery());
  // A report as the personal account exports it: the id column is read, the rest ignored.
  const csv = ['"delivery_id";"phone";"sum"', ...ids.map((id) => `"${id}";"995598464533";"2.50"`)].join('\r\n');
  await tab('Bulk lookup').click();
  await page.getByLabel('Or read a CSV file').setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('Ready to look up 60 ids.')).toBeVisible();

  // Each lookup takes 1.5 s, 20 at a time: three rounds, so there is time to cancel after the first.
  sandbox.faults.inject('chatpush', { kind: 'latency', ms: 1_500, method: 'GET', path: '/api/v1/delivery/' });
  const lookups = () => sandbox.requests.list('chatpush').filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/delivery/')).length;
  const before = lookups();
  try {
    await page.getByRole('button', { name: 'Look up all' }).click();
    const progress = page.getByRole('progressbar', { name: 'Bulk lookup progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel lookup' }).click();
    await expect(page.getByText('Cancelled: the ids looked up so far are below.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Look up all' })).toBeVisible();

    // Progress stops: nothing more is looked up or counted once cancelled, even after a whole round's time.
    const done = Number(await progress.getAttribute('value'));
    const started = lookups() - before;
    await page.waitForTimeout(3_000);
    expect(lookups() - before).toBe(started);
    expect(Number(await progress.getAttribute('value'))).toBe(done);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(60);
    await expect(page.getByText(`Looked up ${done} of 60`)).toBeVisible();

    // What was found before the cancel is kept, in the table and in the export.
    await expect(page.getByTestId('bulk-summary')).toHaveText(`${done} found, 0 unknown, 0 failed.`);
    await page.getByLabel('Show').selectOption('all');
    await expect(page.getByRole('table', { name: 'Bulk lookup results' }).getByRole('row')).toHaveCount(done + 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(done + 1);
    const exported = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(exported.every((id) => ids.includes(id))).toBe(true);
    expect(lines.slice(1).every((line) => line.split(',')[1] === 'found')).toBe(true);
  } finally {
    sandbox.faults.clear('chatpush');
  }
});

test('number lookup finds the operator', async () => {
  await tab('Number lookup').click();
  await page.getByLabel('Phone number').fill('+995 598 464 533');
  await page.getByRole('button', { name: 'Find operator' }).click();
  await expect(page.getByTestId('operator-result')).toContainText('+995598464533');
});

test('test send: the spec checksum vector, the refused checksum, a real send and the 409 duplicate explained', async () => {
  await tab('Test message').click();
  await page.getByLabel('Phone', { exact: true }).fill('71233456789');
  await page.getByLabel('Text', { exact: true }).fill('text');
  await page.getByLabel('External id (optional)').fill('100');
  await page.getByRole('radio', { name: 'Use this key for this send' }).check();
  await page.getByLabel('Idempotency key', { exact: true }).fill('Z5F2idBj');
  await page.getByRole('button', { name: 'Show checksum' }).click();
  const preview = page.getByTestId('checksum-preview');
  await expect(preview.getByTestId('checksum-source')).toHaveText('10071233456789text');
  await expect(preview.getByTestId('checksum-value')).toHaveText('ebb290126ea4302ebca339f5efe419b4a67edfe57e1ea844e7cec85ccef53f23');
  // The spec's second vector: the parameters as printed (phone 9951233456789), computed by us (spec §6.8, digest §7).
  await page.getByLabel('Phone', { exact: true }).fill('9951233456789');
  await page.getByRole('button', { name: 'Show checksum' }).click();
  await expect(preview.getByTestId('checksum-source')).toHaveText('1009951233456789text');
  await expect(preview.getByTestId('checksum-value')).toHaveText('6859014a0386f6c5522b2e6f6c244f4b86fd6d5aaa4be5d6fc2bce76fda5d958');

  // The spec's key is not this token's: the platform refuses the checksum, nothing is sent, the form is kept.
  await page.getByRole('button', { name: 'Send test message' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'rejected the idempotency checksum, so nothing was sent' });
  await expect(refused).toContainText('Copy the IDEMPOTENCY KEY from the personal account again');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('9951233456789');

  await page.getByLabel('Phone', { exact: true }).fill('995598464533');
  await page.getByLabel('Idempotency key', { exact: true }).fill(customer.idempotencyKey);
  await page.getByRole('checkbox', { name: 'WhatsApp' }).check();
  await page.getByRole('checkbox', { name: 'SMS' }).check();
  await page.getByRole('button', { name: 'Move SMS up' }).click();
  await expect(page.getByText('Order: WhatsApp → SMS')).toBeVisible();
  await page.getByLabel('Priority').selectOption('high');
  await page.getByLabel('Callback URL (optional)').fill('http://127.0.0.1:9/callback');
  await expect(page.getByTestId('insecure-url-warning')).toBeVisible();
  await page.getByRole('button', { name: 'Send test message' }).click();
  const sent = page.getByTestId('test-sent');
  await expect(sent).toContainText('Sent: delivery');
  await expect(sent).toContainText('Checksum sent:');
  const checksum = await page.getByTestId('checksum-value').textContent();
  await expect(sent).toContainText(checksum!);
  // What went out on the wire: the cascade in the order chosen, and every option, on the last send the sandbox saw.
  const lastSend = sandbox.requests
    .list('chatpush')
    .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/delivery?'))
    .at(-1)!;
  const query = new URL(lastSend.path, sandbox.urls.chatpush.rest).searchParams;
  expect(query.getAll('dispatch_routing[]')).toEqual(['whatsapp', 'sms']);
  expect(Object.fromEntries(['phone', 'text', 'priority', 'callback_url', 'external_id'].map((name) => [name, query.get(name)]))).toEqual({
    phone: '995598464533',
    text: 'text',
    priority: 'high',
    callback_url: 'http://127.0.0.1:9/callback',
    external_id: '100',
  });
  // The request log keeps no headers; the platform remembers a checksum only when the `checksum` header it got
  // matched its own computation over these parameters, so the last one remembered is the header that was sent.
  expect(sandbox.state.chatpush.receivedChecksums.at(-1)).toMatchObject({ customerId: customer.customerId, checksum });

  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('duplicate-explained')).toContainText(`checksum ${checksum}`);
  await expect(page.getByTestId('duplicate-explained')).toContainText('change a parameter, for example the external id');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Field problems are named at the field, and nothing typed is lost.
  await page.getByLabel('Phone', { exact: true }).fill('12');
  await page.getByLabel('External id (optional)').fill('101');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Phone');
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue('text');
});

test('the status dictionary lists every documented status, with the Jetapi-only ones, in Russian too', async () => {
  await tab('Status dictionary').click();
  await expect(page.getByText('62 statuses')).toBeVisible();
  await page.getByLabel('Kind').selectOption('jetapi');
  await expect(page.getByText('6 statuses')).toBeVisible();
  await page.getByLabel('Search statuses').fill('telegram');
  await expect(page.getByRole('table', { name: 'Delivery statuses' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByRole('table', { name: 'Статусы доставки' })).toContainText('Пользователь не найден в Telegram.');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
});
