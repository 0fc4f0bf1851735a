import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The fleet outlives a restart: web mode is stopped and started again on the same data directory, and the
 * Instances table shows what the last refresh read, "as of" when, before anything is read again — then the first
 * refresh tells which instances were logged out while the console was closed.
 */
test.describe.configure({ mode: 'serial' });

let sandbox: Sandbox;
let web: WebMode | null = null;
let page: Page;
const SCREENSHOTS = process.env.SWITCHBOARD_SCREENSHOTS_DIR;

test.beforeAll(async () => {
  sandbox = await startSandbox({ seed: 17 });
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const table = () => page.getByRole('table', { name: 'Instances' });
const rowOf = (idInstance: string) => table().getByRole('row', { name: new RegExp(`Select instance ${idInstance}\\b`) });
const fleetSize = () => sandbox.demo.greenapi.length;

test('after a restart the table shows the last refresh’s rows, as of when, and the first refresh alerts', async ({ browser }) => {
  const linked = sandbox.demo.greenapi[0]!.idInstance;
  if (sandbox.state.greenapi.instances.find((i) => i.idInstance === linked)!.state !== 'authorized') sandbox.controls.greenapi.scanQr(linked);

  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  await addGreenApiAccount(page, sandbox, 'Green kept');
  await page.getByRole('link', { name: 'Instances' }).click();
  // The first visit reads the fleet by itself.
  await expect(page.getByText(/^Last refreshed /)).toBeVisible({ timeout: 30_000 });
  await expect(rowOf(linked).getByText('Authorized', { exact: true })).toBeVisible();

  const dataDir = web.dataDir;
  await web.stop();
  // Logged out while the console is closed.
  sandbox.controls.greenapi.setState(linked, 'notAuthorized');

  web = await startWebMode({ dataDir });
  await openConsole(page, web.url);
  await page.getByRole('link', { name: 'Instances' }).click();
  await expect(page.getByText(/^As of .+ — refresh to update$/)).toBeVisible();
  await expect(page.getByText(`${fleetSize()} instances`, { exact: true })).toBeVisible();
  // Still as the last refresh saw it: nothing has been read yet.
  await expect(rowOf(linked).getByText('Authorized', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refresh fleet' })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/instances-as-of.png` });
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Refresh fleet' }).click();
  await expect(page.getByText(/^Last refreshed /)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^As of /)).toHaveCount(0);
  await expect(rowOf(linked).getByText('Not authorized', { exact: true })).toBeVisible();
  await expect(page.getByText(`Green kept: 1 instance is no longer authorized since the last refresh (${linked}).`)).toBeVisible();
});
