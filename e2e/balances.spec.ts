import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Balances screen end to end: a Chategy/Jetapi account whose master balance does not cover the renewals coming
 * due, a warning level, lapsed instances, the history chart and the CSV export.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
const SCREENSHOTS = process.env.SWITCHBOARD_SCREENSHOTS_DIR;
const today = new Date().toISOString().slice(0, 10);

/** Cents of the auto-renewing subscriptions (all due today after the setup below): the test's own arithmetic. */
const dueCents = () =>
  sandbox.state.chatpush.instances.filter((i) => i.renewSubscription).reduce((sum, i) => sum + Math.round(Number(i.subscriptionCost) * 100), 0);
const money = (cents: number) => new Intl.NumberFormat('en', { minimumFractionDigits: 2 }).format(cents / 100);

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 5 });
  for (const instance of sandbox.state.chatpush.instances) {
    if (instance.renewSubscription) sandbox.controls.chatpush.setSubscription(instance.customerId, { paidUntil: today });
  }
  sandbox.controls.chatpush.setBalance('developer', '150.00');
  web = await startWebMode();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await openConsole(page, web.url);
  await addChatpushAccount(page, sandbox, 'Jetapi money');
  await addGreenApiAccount(page, sandbox, 'Green');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

/**
 * Refreshes and waits for the job's end. The refresh ends by peeking at the GREEN-API notification queues, and the
 * sandbox's instance in `starting` has an empty one that is waited on for 2 s: the running bar is always seen.
 */
async function refresh() {
  await page.getByRole('button', { name: 'Refresh fleet' }).click();
  await expect(page.getByRole('button', { name: 'Cancel refresh' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refresh fleet' })).toBeVisible({ timeout: 30_000 });
}

test('a balance that does not cover the renewals due is a clear warning with the amount missing', async () => {
  await page.getByRole('link', { name: 'Balances' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balances');
  await refresh();
  const due = dueCents();
  const warning = page.getByRole('alert').filter({ hasText: 'does not cover' });
  // Everything auto-renewing is due today, so the 7-day window already falls short.
  const count = sandbox.state.chatpush.instances.filter((i) => i.renewSubscription).length;
  await expect(warning).toHaveText(
    `Jetapi money: the balance 150.00 does not cover the ${count} renewals due in the next 7 days (${money(due)}). Top up at least ${money(due - 15_000)} now, or those instances stop.`,
  );
  const row = page.getByRole('row', { name: /^Jetapi money/ });
  await expect(row).toContainText('150.00');
  await expect(row).toContainText('Not covered');
  await expect(page.getByRole('row', { name: /^Green/ })).toContainText('Not reported by this provider’s API.');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('lapsed instances are listed with their last paid day', async () => {
  const inactive = sandbox.state.chatpush.instances.filter((i) => i.subscriptionStatus === 'inactive');
  expect(inactive.length).toBeGreaterThan(0);
  const lapsed = page.getByRole('region', { name: 'Inactive and expired instances' });
  for (const instance of inactive) {
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${instance.subscriptionPaidUntil}T00:00:00Z`));
    await expect(lapsed.getByRole('row', { name: new RegExp(`^${instance.id}\\b`) })).toContainText(shown);
  }
});

test('a warning level: bad input is refused and kept, a good one warns after the next refresh', async () => {
  const field = page.getByLabel('Warning level for Jetapi money');
  await field.fill('1 000,50');
  await page.getByRole('row', { name: /^Jetapi money/ }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter an amount such as 1000.00 (digits and a dot).')).toBeVisible();
  await expect(field).toHaveValue('1 000,50');

  await field.fill('1000.50');
  await page.getByRole('row', { name: /^Jetapi money/ }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The warning level of Jetapi money is saved.')).toBeVisible();
  await expect(page.getByRole('row', { name: /^Jetapi money/ })).toContainText('Below your warning level');

  const notified = page.waitForResponse((response) => response.url().endsWith('/rpc/notifications.show'));
  await refresh();
  await expect(page.getByRole('alert').filter({ hasText: 'below your warning level' })).toContainText(
    'Jetapi money: the balance 150.00 is below your warning level of 1,000.50.',
  );
  // Web mode has no OS notification centre: main answers that it showed none, and the alert stays in the page.
  const answer = await notified;
  expect(answer.request().postDataJSON()).toMatchObject({ body: expect.stringContaining('Jetapi money: the balance 150.00 is below') });
  expect(await answer.json()).toEqual({ ok: true, value: { shown: false, reason: 'unavailable' } });
  await expect(page.getByText('Alerts appear in this page.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Also show alerts as desktop notifications' })).toHaveCount(0);
});

test('instances that left the authorized state since the last refresh are announced', async () => {
  const linked = sandbox.state.greenapi.instances.find((i) => i.state === 'authorized')!;
  sandbox.controls.greenapi.setState(linked.idInstance, 'notAuthorized');
  await refresh();
  await expect(page.getByRole('alert').filter({ hasText: 'no longer authorized' })).toContainText(
    `Green: 1 instance is no longer authorized since the last refresh (${linked.idInstance}).`,
  );
});

test('the history chart has a point per refresh, and the CSV holds the table', async () => {
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('img', { name: 'Balance of Jetapi money over time' })).toBeVisible();
  await history.getByText('The figures behind the chart').click();
  await expect(history.getByRole('region', { name: 'The figures behind the chart' }).getByRole('row')).toHaveCount(4); // header + 3 refreshes
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/balances-light-en.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await (download as Download).path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]!.split(',').slice(0, 3)).toEqual(['Account', 'Provider', 'Balance']);
  const jetapi = lines.find((line) => line.startsWith('Jetapi money,'))!.split(',');
  expect(jetapi[1]).toBe('chatpush');
  expect(jetapi[2]).toBe('150.00');
  const due = dueCents();
  expect(jetapi[7]).toBe(`${Math.floor(due / 100)}.${String(due % 100).padStart(2, '0')}`);
  expect(jetapi[8]).toBe('No');
  expect(jetapi[11]).toBe('1000.50');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('GREEN-API quota figures from a quotaExceeded notification at the head of a queue, which the console leaves there', async () => {
  const greenapi = sandbox.controls.greenapi;
  // A polling instance (no webhook URL) on the Developer tariff: a 4th chat in a month overflows (§8.1).
  const polled = sandbox.state.greenapi.instances.find((i) => i.state === 'notAuthorized' && i.settings.webhookUrl === '')!;
  greenapi.overflowChatQuota(polled.idInstance);
  expect(greenapi.queuedNotifications(polled.idInstance).map((entry) => entry.body.typeWebhook)).toEqual(['quotaExceeded']);

  await refresh();
  const quotas = page.getByRole('region', { name: 'GREEN-API quotas seen' });
  const row = quotas.getByRole('row', { name: new RegExp(`^${polled.idInstance}\\b`) });
  await expect(row).toContainText('correspondents');
  await expect(row).toContainText('3 of 3');
  await expect(row).toContainText('CORRESPONDENTS_QUOTA_EXCEEDED');
  await expect(row).toContainText('Notification queue (quotaExceeded)');
  await expect(row).toContainText('Chats still allowed: 79000000001@c.us, 79000000002@c.us, 79000000003@c.us');
  await expect(quotas).toContainText('It only reads the head: it never deletes a notification');
  await expect(quotas.getByRole('listitem').filter({ hasText: /^Green:/ })).toContainText('with quotaExceeded at the head of 1.');
  // Still there for the customer's integration.
  expect(greenapi.queuedNotifications(polled.idInstance).map((entry) => entry.body.typeWebhook)).toEqual(['quotaExceeded']);
  if (SCREENSHOTS) await quotas.screenshot({ path: `${SCREENSHOTS}/balances-quotas-light-en.png` });
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('dark theme and Russian: the warnings read right and pass axe', async () => {
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Балансы');
  await expect(page.getByRole('alert').filter({ hasText: 'не хватит' })).toContainText('Jetapi money: баланса 150,00 не хватит на');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/balances-dark-ru.png`, fullPage: true });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Инстансы' }).click();
  await expect(page.getByRole('table', { name: 'Инстансы' })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/instances-dark-ru.png` });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Тема').selectOption('light');
  await page.getByLabel('Язык').selectOption('en');
});
