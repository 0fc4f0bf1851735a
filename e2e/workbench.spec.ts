import { expect, test } from '@playwright/test';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

/** The Chatti request workbench from the Accounts screen, against the demo workspace's sandbox. */
let web: WebMode;
test.beforeAll(async () => {
  web = await startWebMode();
});
test.afterAll(async () => web?.stop());

test('sends a request with the key added in main, keeps the form on errors, and passes axe', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await page.getByRole('button', { name: 'Open the request workbench for Demo Chatti' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Path').fill('/v1/contacts');
  await dialog.getByLabel('Query parameters (optional)').fill('per_page=3\nnot a pair');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByText('Line 2 is not name=value.')).toBeVisible();
  await expect(dialog.getByLabel('Path')).toHaveValue('/v1/contacts');

  await dialog.getByLabel('Query parameters (optional)').fill('per_page=3');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  const response = dialog.getByTestId('workbench-response');
  await expect(response).toContainText('Status 200');
  await expect(response).toContainText('"per_page": 3');
  expect(await accessibilityViolations(page)).toEqual([]);

  await dialog.getByLabel('Path').fill('//elsewhere.example/x');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByLabel('Path')).toHaveValue('//elsewhere.example/x');

  // Send disables itself while the request runs, which drops focus out of the dialog: Esc must still close it.
  await dialog.getByLabel('Path').fill('/v1/contacts');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(response).toContainText('Status 200');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await context.close();
});
