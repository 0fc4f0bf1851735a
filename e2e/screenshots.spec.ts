import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREEN_IDS } from '../renderer/shell/screens';
import { accessibilityViolations, openConsole, screenShown } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The console as a user sees it, in both themes and both languages, with the demo workspace. `npm run screenshots`
 * writes them to docs/screenshots (shown in the README); the test suite writes them under test-results.
 */
const OUT = process.env.SWITCHBOARD_SCREENSHOTS_DIR ?? join('test-results', 'screenshots');
let web: WebMode;

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  web = await startWebMode();
});
test.afterAll(async () => web?.stop());

test('demo workspace in light and dark, English and Russian, with no axe violations', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openConsole(page, web.url);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  for (const name of ['Demo Jetapi', 'Demo GREEN-API', 'Demo Chat2Desk', 'Demo Chatti']) {
    await page.getByRole('button', { name: `Test connection for ${name}` }).click();
  }
  await expect(page.getByText(/failed|error/i)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hide details' })).toHaveCount(4);
  const hide = page.getByRole('button', { name: 'Hide details' });
  while ((await hide.count()) > 0) await hide.first().click();
  // Keep the Chategy/Jetapi report open: one expanded row shows what a test reports.
  await page.getByRole('button', { name: 'Show details' }).first().click();

  for (const locale of ['en', 'ru'] as const) {
    await page.getByRole('combobox', { name: locale === 'en' ? /Language|Язык/ : /Language|Язык/ }).selectOption(locale);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop && (el.scrollTop = 0)));
      await page.screenshot({ path: join(OUT, `accounts-${theme}-${locale}.png`) });
    }
  }
  await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption('en');
  await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption('light');
  await page.getByRole('button', { name: 'Edit Demo Jetapi' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(OUT, 'account-dialog-light-en.png') });
  await context.close();
});

test('every screen with the demo workspace, light English and dark Russian, with no axe violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const own = await startWebMode();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await openConsole(page, own.url);
    await page.getByRole('button', { name: 'Try the demo workspace' }).click();
    await expect(page.getByTestId('sandbox-badge')).toBeVisible();
    for (const [locale, theme] of [
      ['en', 'light'],
      ['ru', 'dark'],
    ] as const) {
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(locale);
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      for (const [index, screen] of SCREEN_IDS.entries()) {
        await page.keyboard.press(`Alt+${index + 1}`);
        await screenShown(page, screen);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('main')).toBeVisible();
        // A picture of the fleet screens once the fleet has been read, not of the progress bar.
        if (screen === 'instances' || screen === 'balances') {
          await expect(page.getByRole('button', { name: /^(Refresh fleet|Обновить парк)$/ })).toBeVisible({ timeout: 30_000 });
        }
        expect(await accessibilityViolations(page), `${screen} ${theme} ${locale}`).toEqual([]);
        await page.screenshot({ path: join(OUT, `screen-${screen}-${theme}-${locale}.png`) });
      }
    }
  } finally {
    await context.close();
    await own.stop();
  }
});

test('the Network settings dialog in dark Russian and light English, with no axe violations', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await openConsole(page, web.url);
    for (const [locale, theme, button] of [
      ['ru', 'dark', 'Сеть'],
      ['en', 'light', 'Network'],
    ] as const) {
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(locale);
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      await page.getByRole('banner').getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await dialog.getByRole('radio').nth(1).check();
      expect(await accessibilityViolations(page), `network ${theme} ${locale}`).toEqual([]);
      await page.screenshot({ path: join(OUT, `network-${theme}-${locale}.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  } finally {
    await context.close();
  }
});
