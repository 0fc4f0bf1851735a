import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Deliveries screen for GREEN-API and Chat2Desk, against the demo workspace's sandbox (its first GREEN-API
 * instance is authorized, its second is not, so sends there wait in the queue).
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let page: Page;

test.beforeAll(async ({ browser }) => {
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByRole('row', { name: /^Demo Chat2Desk/ })).toBeVisible();
  await page.goto(`${web.origin}/#/deliveries`);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
});

const tab = (name: string) => page.getByRole('tab', { name, exact: true });
/** The visible tab panel (hidden ones keep their fields, with the same labels). */
const panel = () => page.getByRole('tabpanel');

test('GREEN-API: a test send is found by chat and id, listed with its status, and a queue is cleared after confirmation', async () => {
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Demo GREEN-API (GREEN-API)' });
  await tab('Test message').click();
  await panel().getByLabel('Chat id').fill('79001234567@c.us');
  await panel().getByLabel('Message', { exact: true }).fill('Hello from the delivery test');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByText(/Queued with idMessage \w+/)).toBeVisible();
  await page.getByRole('button', { name: 'Find this message' }).click();
  await expect(tab('Message')).toHaveAttribute('aria-selected', 'true');
  await expect(async () => {
    await page.getByRole('button', { name: 'Find message' }).click();
    await expect(page.getByTestId('journal-entry')).toContainText('Hello from the delivery test', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await accessibilityViolations(page)).toEqual([]);

  await tab('Recent outgoing').click();
  await page.getByRole('button', { name: 'Load' }).click();
  await expect(page.getByRole('table', { name: 'Recent outgoing messages' })).toContainText('Hello from the delivery test');
  await expect(page.getByText(/By status:/)).toBeVisible();

  // The second instance is not authorized: its sends wait in the queue.
  await page.getByLabel('Instance').selectOption({ index: 1 });
  await tab('Test message').click();
  await panel().getByLabel('Chat id').fill('79001234567@c.us');
  await panel().getByLabel('Message', { exact: true }).fill('Waits for the phone');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByText(/Queued with idMessage/)).toBeVisible();
  await tab('Send queue').click();
  await page.getByRole('button', { name: 'Show queue' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('1 message waits in the queue.');
  await page.getByRole('button', { name: 'Clear queue…' }).click();
  await expect(page.getByRole('dialog')).toContainText('after a number was blocked and a new one connected');
  await page.getByRole('dialog').getByRole('button', { name: 'Clear queue' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText('The queue is empty.');

  // A message id that is too short is refused before anything is sent, and the fields are kept.
  await tab('Message').click();
  await panel().getByLabel('Message id (idMessage)').fill('BAE5F4886F6F2D0');
  await page.getByRole('button', { name: 'Find message' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(panel().getByLabel('Message id (idMessage)')).toHaveValue('BAE5F4886F6F2D0');
});

test('Chat2Desk: messages filtered by type, by client and channel, and one message by id with its delivery status', async () => {
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Demo Chat2Desk (Chat2Desk)' });
  await tab('Messages').click();
  await panel().getByLabel('Type', { exact: true }).selectOption('to_client');
  await page.getByRole('button', { name: 'Show messages' }).click();
  const table = page.getByRole('table', { name: 'Chat2Desk messages' });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const type of await table.locator('tbody tr td:nth-child(3)').allTextContents()) expect(type).toBe('to_client');
  const firstId = (await table.locator('tbody tr th').first().textContent())!;
  expect(await accessibilityViolations(page)).toEqual([]);

  // By client and channel, any type: the first row's client and channel; every row shown matches both, and the
  // list is narrower than all messages of any type (the demo has several clients).
  const column = (n: number) => table.locator(`tbody tr td:nth-child(${n})`).allTextContents();
  await panel().getByLabel('Type', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Show messages' }).click();
  await expect.poll(async () => new Set(await column(3)).size).toBeGreaterThan(1);
  const everything = await rows.count();
  const [clientId, channelId] = await table.locator('tbody tr').first().locator('td').evaluateAll((cells) => [cells[2]!.textContent!, cells[3]!.textContent!]);
  await panel().getByLabel('Client id (optional)').fill(clientId!);
  await panel().getByLabel('Channel', { exact: true }).selectOption(channelId!);
  await page.getByRole('button', { name: 'Show messages' }).click();
  await expect.poll(async () => [...new Set(await column(4))]).toEqual([clientId]);
  expect([...new Set(await column(5))]).toEqual([channelId]);
  expect(await rows.count()).toBeLessThan(everything);

  await tab('Message').click();
  await panel().getByLabel('Message id').fill(firstId);
  await page.getByRole('button', { name: 'Find message' }).click();
  await expect(page.getByTestId('c2d-message')).toContainText(`#${firstId}`);
  await expect(page.getByTestId('c2d-message')).toContainText('Delivery status');
});
