import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Instances screen end to end in Chromium through web mode, against a sandbox this spec runs: a Chategy/Jetapi
 * account with a few hundred seeded instances and a GREEN-API account, entered on the Accounts screen.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
const SCREENSHOTS = process.env.SWITCHBOARD_SCREENSHOTS_DIR;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 11 });
  sandbox.controls.chatpush.seedInstances(300, { externalIdPrefix: 'fleet-' });
  web = await startWebMode();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await openConsole(page, web.url);
  await addChatpushAccount(page, sandbox, 'Jetapi fleet');
  await addGreenApiAccount(page, sandbox, 'Green fleet');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const table = () => page.getByRole('table', { name: 'Instances' });
/** Rows of the table body that are loaded (the header row and placeholders excluded). */
const bodyRows = () => table().getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select instance/ }) });
const columnCells = async (header: string) => {
  const headers = await table().getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((text) => text.trim().startsWith(header));
  return bodyRows().evaluateAll((rows, i) => rows.map((row) => (row.children[i] as HTMLElement).innerText.trim()), index);
};
/** The filter controls by their labels (column headers and resizers have similar names). */
const filterField = (name: string) => page.getByRole('region', { name: 'Filters' }).getByLabel(name, { exact: true });
const matching = () => page.getByText(/match(es)? the filters$/);
const chatpushTotal = () => sandbox.state.chatpush.instances.length;
const fleetTotal = () => chatpushTotal() + sandbox.demo.greenapi.length;

async function shoot(name: string) {
  if (!SCREENSHOTS) return;
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

test('opening the screen reads the whole fleet, with counts per state and failures per account', async () => {
  await page.getByRole('link', { name: 'Instances' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instances');
  await expect(page.getByText(`${fleetTotal()} instances`, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Refresh fleet' })).toBeVisible({ timeout: 30_000 });
  const authorized =
    sandbox.state.chatpush.instances.filter((i) => i.whatsappSession === 1).length +
    sandbox.state.greenapi.instances.filter((i) => sandbox.demo.greenapi.some((d) => d.idInstance === i.idInstance) && i.state === 'authorized').length;
  await expect(page.getByRole('button', { name: `Authorized: ${authorized}` })).toBeVisible();
  await expect(bodyRows().first()).toBeVisible();
  await shoot('instances-light-en');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('filters really filter: state, provider, search', async () => {
  await filterField('WhatsApp state').selectOption('authorized');
  const expected = sandbox.state.chatpush.instances.filter((i) => i.whatsappSession === 1).length;
  await filterField('Provider').selectOption('chatpush');
  await expect(matching()).toHaveText(`${expected} match the filters`);
  expect(new Set(await columnCells('WhatsApp'))).toEqual(new Set(['Authorized']));
  expect(new Set(await columnCells('Provider'))).toEqual(new Set(['Chategy / Jetapi']));

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await filterField('Search').fill('fleet-25');
  // fleet-25 and fleet-250 … fleet-259
  await expect(matching()).toHaveText('11 match the filters');
  expect((await columnCells('External ID')).sort()).toEqual(['fleet-25', ...Array.from({ length: 10 }, (_, i) => `fleet-25${i}`)].sort());

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(matching()).toHaveText(`${fleetTotal()} match the filters`);
});

test('sorting by a column, both ways, with the order announced', async () => {
  await filterField('Provider').selectOption('chatpush');
  const cost = page.getByRole('columnheader', { name: /^Cost/ });
  await cost.getByRole('button').click();
  await expect(cost).toHaveAttribute('aria-sort', 'ascending');
  const numbers = async () => (await columnCells('Cost')).map((text) => Number(text.replace(/[^\d.]/g, '')));
  await expect.poll(async () => (await numbers())[0]).toBe(Math.min(...sandbox.state.chatpush.instances.map((i) => Number(i.subscriptionCost))));
  const ascending = await numbers();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await cost.getByRole('button').click();
  await expect(cost).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await numbers())[0]).toBe(Math.max(...sandbox.state.chatpush.instances.map((i) => Number(i.subscriptionCost))));
  const descending = await numbers();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await cost.getByRole('button').click();
  await expect(cost).not.toHaveAttribute('aria-sort');
});

test('bulk renew with one failure among successes: progress, per-row results, the table updated', async () => {
  await filterField('Search').fill('fleet-10');
  await expect(matching()).toHaveText('11 match the filters');
  const targets = sandbox.state.chatpush.instances.filter((i) => /^fleet-10\d?$/.test(i.externalId ?? ''));
  const poor = targets[3]!;
  sandbox.controls.chatpush.setBalance('developer', '50000.00');
  sandbox.controls.chatpush.setSubscription(poor.customerId, { cost: '999999.00' });

  // Selecting every match asks main for their keys, so the box ticks once the answer is in.
  await page.getByRole('checkbox', { name: 'Select all matching instances' }).click();
  await expect(page.getByText('11 selected')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select all matching instances' })).toBeChecked();
  await page.getByRole('button', { name: 'Renew subscription (11)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew subscription' });
  await expect(dialog).toContainText('Renew 11 subscriptions?');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByTestId('bulk-status')).toHaveText('Finished: 10 succeeded, 1 failed, 0 skipped.', { timeout: 20_000 });
  const failedRow = dialog.getByRole('row', { name: new RegExp(`^${poor.id}`) });
  await expect(failedRow).toContainText('Failed');
  await expect(failedRow).toContainText('not enough money');
  await expect(dialog.getByRole('row').filter({ hasText: 'Paid until' })).toHaveCount(10);
  await shoot('instances-bulk-renew');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  const renewed = targets.find((i) => i !== poor)!;
  const paidUntil = sandbox.state.chatpush.instances.find((i) => i.id === renewed.id)!.subscriptionPaidUntil;
  const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${paidUntil}T00:00:00Z`));
  await expect(table().getByRole('row', { name: new RegExp(`Select instance ${renewed.id}\\b`) })).toContainText(shown);
  await page.getByRole('button', { name: 'Clear selection' }).click();
});

test('CSV export holds the current view: its columns, its rows, the words of the screen', async () => {
  await filterField('WhatsApp state').selectOption('authorized');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await (download as Download).path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Provider,Account,Instance,External ID,Phone,WhatsApp,Telegram,Queue,Subscription,Paid until,Days left,Auto-renew,Cost');
  const rows = lines.slice(1).map((line) => line.split(','));
  // The search for fleet-10 is still on, and now only authorized ones.
  const expected = sandbox.state.chatpush.instances.filter((i) => /^fleet-10\d?$/.test(i.externalId ?? '') && i.whatsappSession === 1);
  expect(rows.map((row) => row[2]).sort()).toEqual(expected.map((i) => String(i.id)).sort());
  await expect(matching()).toHaveText(`${expected.length} match the filters`);
  for (const row of rows) {
    expect(row[0]).toBe('Chategy / Jetapi');
    expect(row[3]).toMatch(/^fleet-10\d?$/);
    expect(row[5]).toBe('Authorized');
    expect(row[12]).toMatch(/^\d+\.\d{2}$/);
  }
  expect((download as Download).suggestedFilename()).toMatch(/^switchboard-instances-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
});

test('columns chosen and widths set are remembered across a reload (kept in main)', async () => {
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns to show' });
  await chooser.getByRole('checkbox', { name: 'Telegram' }).uncheck();
  await chooser.getByRole('button', { name: 'Move Phone up' }).click();
  await chooser.getByRole('button', { name: 'Done' }).click();
  const resizer = page.getByRole('separator', { name: 'Width of Account' });
  await resizer.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', '210');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Width of Account' })).toHaveAttribute('aria-valuenow', '210');
  const headers = (await table().getByRole('columnheader').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  expect(headers.slice(0, 5)).toEqual(['Provider', 'Account', 'Instance', 'Phone', 'External ID']);
  expect(headers).not.toContain('Telegram');
});
