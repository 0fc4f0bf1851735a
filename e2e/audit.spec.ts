import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

/** The audit log screen: changes appear with their outcome, and the export is the whole log as CSV. */
let web: WebMode;
test.beforeAll(async () => {
  web = await startWebMode();
});
test.afterAll(async () => web?.stop());

test('lists changes made through the console and exports them as CSV', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await page.getByRole('button', { name: 'Remove Demo Chatti' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove account' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header, accounts.remove, demo.create
  await expect(rows.nth(1)).toContainText('accounts.remove');
  await expect(rows.nth(1)).toContainText('Demo Chatti');
  await expect(rows.nth(2)).toContainText('demo.create');
  expect(await accessibilityViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^switchboard-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('time,who,what,target,target name,result,message');
  expect(csv).toContain('accounts.remove');
  await context.close();
});
