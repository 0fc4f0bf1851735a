import { expect, test, type Page } from '@playwright/test';
import { accountRow } from './fleet-accounts';
import { accessibilityViolations, openConsole, screenShown } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The sandbox controls of the demo workspace, whose sandbox lives inside web mode: reached only next to the sandbox
 * badge, and seen working through the ordinary screens (a connection test, the Instances count).
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let web: WebMode;
let page: Page;
const controls = () => page.getByRole('dialog', { name: 'Sandbox controls' });

test.beforeAll(async ({ browser }) => {
  web = await startWebMode();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await openConsole(page, web.url);
  await expect(page.getByRole('button', { name: 'Sandbox controls' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
});

async function openControls() {
  await page.getByRole('button', { name: 'Sandbox controls' }).click();
  await expect(controls()).toBeVisible();
}
async function closeControls() {
  await page.keyboard.press('Escape');
  await expect(controls()).toBeHidden();
}

test('an injected 500 fails the next connection test in words; cleared, the test passes', async () => {
  await page.goto(page.url().replace(/#.*$/, '') + '#/accounts');
  await screenShown(page, 'accounts');
  await openControls();
  expect(await accessibilityViolations(page)).toEqual([]);
  const faults = controls().getByRole('form', { name: 'Faults' });
  await faults.getByLabel('Provider').selectOption('chatpush');
  await faults.getByLabel('Fault', { exact: true }).selectOption('status500');
  await faults.getByLabel('For the next requests (1–50)').fill('50');
  await faults.getByRole('button', { name: 'Inject fault' }).click();
  await expect(faults.getByRole('status')).toContainText('faults waiting for Chategy / Jetapi: 1');
  await closeControls();

  await page.getByRole('button', { name: 'Test connection for Demo Jetapi' }).click();
  await expect(accountRow(page, 'Demo Jetapi')).toContainText('Failed');
  await expect(page.getByRole('row', { name: /^Connection test result for Demo Jetapi/ })).toContainText(/unavailable right now\. Try again later\. \(HTTP 500/);

  await openControls();
  await controls().getByRole('button', { name: 'Clear all faults' }).click();
  await expect(controls().getByRole('status')).toContainText('All faults cleared.');
  await closeControls();
  await page.getByRole('button', { name: 'Test connection for Demo Jetapi' }).click();
  await expect(accountRow(page, 'Demo Jetapi')).toContainText('Passed');
});

test('seeded instances show on the Instances screen after a refresh', async () => {
  await page.getByRole('link', { name: 'Instances' }).click();
  await screenShown(page, 'instances');
  const total = page.getByText(/^\d+ instances$/);
  // Opening the screen reads the fleet: wait for that read to end before taking the count.
  await expect(page.getByRole('button', { name: 'Refresh fleet' })).toBeVisible({ timeout: 30_000 });
  await expect(total).not.toHaveText('0 instances', { timeout: 30_000 });
  const before = Number((await total.innerText()).split(' ')[0]);

  await openControls();
  const seed = controls().getByRole('form', { name: 'More Chategy/Jetapi instances' });
  await seed.getByLabel('How many (1–500)').fill('20');
  await seed.getByRole('button', { name: 'Add instances' }).click();
  await expect(seed.getByRole('status')).toContainText('Added 20 instances. Refresh the Instances screen');
  await seed.getByLabel('How many (1–500)').fill('501');
  await seed.getByRole('button', { name: 'Add instances' }).click();
  await expect(seed.getByRole('alert')).toContainText('outside what the sandbox accepts');
  await closeControls();

  await page.getByRole('button', { name: 'Refresh fleet' }).click();
  await expect(page.getByText(`${before + 20} instances`, { exact: true })).toBeVisible({ timeout: 30_000 });
});
