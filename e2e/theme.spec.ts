import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations, openConsole } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The theme control: "System" follows the operating system's light/dark setting live, without a reload, and a
 * chosen theme stays put whatever the system says. The OS setting is Chromium's emulated prefers-color-scheme.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let page: Page;

test.beforeAll(async ({ browser }) => {
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openConsole(page, web.url);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
});

const theme = () => page.getByRole('combobox', { name: 'Theme' });
const html = () => page.locator('html');

test('"System" follows the OS from dark to light and back, without a reload', async () => {
  // Start from an explicit choice, so choosing System is a change the page has to act on.
  await theme().selectOption('light');
  await expect(html()).toHaveAttribute('data-theme', 'light');
  // A marker on window: a reload would drop it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await theme().selectOption('system');
  await expect(theme()).toHaveValue('system');
  await expect(html()).toHaveAttribute('data-theme', 'dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html()).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html()).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('"System" is remembered across a reload and still follows the OS', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(theme()).toHaveValue('system');
  await expect(html()).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html()).toHaveAttribute('data-theme', 'dark');
});

test('a chosen theme ignores the OS setting', async () => {
  await theme().selectOption('light');
  await expect(html()).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html()).toHaveAttribute('data-theme', 'light');
  // Light on a dark OS passes axe too (contrast is checked against the theme actually shown).
  expect(await accessibilityViolations(page)).toEqual([]);
});
