import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Authorize screen on the demo workspace, whose sandbox lives inside web mode: the phone's part is played
 * with the "Simulate … (sandbox)" buttons the screen offers for sandbox accounts only. Screenshots in both
 * themes and languages go under test-results (or SWITCHBOARD_SCREENSHOTS_DIR).
 */
// Four axe runs and screenshots per view take a while on a 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const OUT = process.env.SWITCHBOARD_SCREENSHOTS_DIR ?? join('test-results', 'screenshots');
let web: WebMode;
let page: Page;

test.beforeAll(async ({ browser }) => {
  mkdirSync(OUT, { recursive: true });
  web = await startWebMode();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '') + '#/authorize');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
});

const dialog = () => page.getByRole('dialog');

async function chooseAccount(name: string) {
  const select = page.getByLabel('Account', { exact: true });
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value!);
  await expect(page.getByRole('table', { name: 'Instances of the account' })).toBeVisible();
}

/** Both themes and both languages, axe on each, then back to light English. */
async function shoot(name: string) {
  for (const locale of ['en', 'ru'] as const) {
    await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(locale);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await accessibilityViolations(page), `${name} ${theme} ${locale}`).toEqual([]);
      await page.screenshot({ path: join(OUT, `${name}-${theme}-${locale}.png`) });
    }
  }
  await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption('en');
  await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption('light');
}

test('the demo GREEN-API account: screen and QR dialog in both themes and languages, and a simulated scan closes it', async () => {
  await chooseAccount('Demo GREEN-API');
  await expect(page.getByRole('row', { name: /Backup phone/ })).toContainText('Not linked');
  await shoot('authorize-screen');

  await page.getByRole('button', { name: 'Authorize Backup phone', exact: true }).click();
  await expect(dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' })).toBeVisible();
  await expect(dialog().getByRole('timer')).toContainText(/1:(3\d|40) left/);
  await shoot('authorize-qr-dialog');

  // The menus above are behind the dialog for a mouse, not for the keyboard-only language switch: back in English.
  await dialog().getByRole('button', { name: 'Simulate scan (sandbox)' }).click();
  await expect(dialog()).toContainText('WhatsApp is linked to Backup phone.');
  await expect(dialog()).toBeHidden();
  await expect(page.getByRole('row', { name: /Backup phone/ })).toContainText('Linked');
});

test('the demo Chategy/Jetapi account: a QR wall of three, each tile scanned on its own', async () => {
  await chooseAccount('Demo Jetapi');
  await page.getByLabel('Show').selectOption('unlinked');
  const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') }).filter({ hasNot: page.getByRole('columnheader') });
  const count = Math.min(3, await rows.count());
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: `Open QR wall (${count})` }).click();
  const tiles = dialog().getByRole('listitem');
  await expect(tiles).toHaveCount(count);
  await expect(dialog().getByRole('img', { name: /^QR code for / })).toHaveCount(count);
  await shoot('authorize-qr-wall');

  await tiles.first().getByRole('button', { name: /^Simulate scan \(sandbox\)/ }).click();
  await expect(tiles.first()).toContainText('WhatsApp is linked');
  await expect(dialog().getByRole('status').first()).toHaveText(`1 of ${count} linked`);
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
});
