import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';
import { authorizeScreen, gotoAuthorize } from './authorize-screen';

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
  await gotoAuthorize(page);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
});

const { dialog, chooseAccount } = authorizeScreen(() => page);

/**
 * Both themes and both languages, axe on each, then back to light English. A dialog makes the header inert, so
 * `open` (re)opens it after each switch and `close` shuts it before the next.
 */
async function shoot(name: string, view: { open?: () => Promise<void>; close?: () => Promise<void> } = {}) {
  for (const locale of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(locale);
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await view.open?.();
      expect(await accessibilityViolations(page), `${name} ${theme} ${locale}`).toEqual([]);
      await page.screenshot({ path: join(OUT, `${name}-${theme}-${locale}.png`) });
      await view.close?.();
    }
  }
  await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption('en');
  await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption('light');
}

const closeDialog = async () => {
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
};

test('the demo GREEN-API account: screen and QR dialog in both themes and languages, and a simulated scan closes it', async () => {
  await chooseAccount('Demo GREEN-API');
  await expect(page.getByRole('row', { name: /Backup phone/ })).toContainText('Not linked');
  await shoot('authorize-screen');

  const openQr = async () => {
    await page.getByRole('button', { name: /^(Authorize|Авторизовать) Backup phone$/ }).click();
    await expect(dialog().getByRole('img')).toBeVisible();
    await expect(dialog().getByRole('timer')).toBeVisible();
  };
  await shoot('authorize-qr-dialog', { open: openQr, close: closeDialog });

  await openQr();
  await expect(dialog().getByRole('timer')).toContainText(/1:(3\d|40) left/);
  await dialog().getByRole('button', { name: 'Simulate scan (sandbox)' }).click();
  await expect(dialog()).toContainText('WhatsApp is linked to Backup phone.');
  await expect(dialog()).toBeHidden();
  await expect(page.getByRole('row', { name: /Backup phone/ })).toContainText('Linked');
});

test('the demo Chategy/Jetapi account: a QR wall of three, each tile scanned on its own', async () => {
  await chooseAccount('Demo Jetapi');
  await page.getByLabel('Show', { exact: true }).selectOption('unlinked');
  const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox') }).filter({ hasNot: page.getByRole('columnheader') });
  const count = Math.min(3, await rows.count());
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await rows.nth(i).getByRole('checkbox').check();
  const tiles = dialog().getByRole('listitem');
  const openWall = async () => {
    await page.getByRole('button', { name: new RegExp(`(Open QR wall|Открыть стену QR) \\(${count}\\)`) }).click();
    await expect(tiles).toHaveCount(count);
    await expect(dialog().getByRole('img')).toHaveCount(count);
  };
  await shoot('authorize-qr-wall', { open: openWall, close: closeDialog });

  await openWall();
  await tiles.first().getByRole('button', { name: /^Simulate scan \(sandbox\)/ }).click();
  await expect(tiles.first()).toContainText('WhatsApp is linked');
  await expect(dialog().getByRole('status').first()).toHaveText(`1 of ${count} linked`);
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
});

test('the provisioning wizard in both themes and languages', async () => {
  await chooseAccount('Demo Jetapi');
  const openWizard = async () => {
    await page.getByRole('button', { name: /^(New instance…|Новый инстанс…)$/ }).click();
    await expect(dialog().getByRole('list').first()).toBeVisible();
  };
  await shoot('authorize-wizard', { open: openWizard, close: closeDialog });
});
