import { expect, test } from '@playwright/test';
import { openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

let web: WebMode;
test.beforeAll(async () => {
  web = await startWebMode();
});
test.afterAll(async () => web?.stop());

test('shots', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await page.goto(`${web.origin}/#/deliveries`);
  await expect(page.getByRole('tab', { name: 'Look up' })).toBeVisible();
  await page.getByRole('tab', { name: 'Test message' }).click();
  await page.getByLabel('Phone', { exact: true }).fill('995598464533');
  await page.getByLabel('Text', { exact: true }).fill('hello');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('test-sent')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/d-test.png', fullPage: true });
  await page.getByRole('button', { name: 'Look up this delivery' }).click();
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(page.getByTestId('delivery-card')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/d-lookup.png', fullPage: true });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('tab', { name: 'Status dictionary' }).click();
  await page.screenshot({ path: '/tmp/shots/d-dict-dark.png' });
});
