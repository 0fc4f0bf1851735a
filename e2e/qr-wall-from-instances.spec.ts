import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChat2DeskAccount, addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * "Authorize…" on the Instances screen: rows of three providers selected, the console switches to the Authorize
 * screen with a QR wall for the ones that can be linked by QR now, and says why the others are not on it. The
 * sandbox this spec runs plays the phone (its controls scan a code), as in e2e/authorize.spec.ts.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const OUT = process.env.SWITCHBOARD_SCREENSHOTS_DIR ?? join('test-results', 'screenshots');
let web: WebMode;
let sandbox: Sandbox;
let page: Page;

/** The rows chosen: two unlinked Chategy/Jetapi instances, one linked, an unlinked GREEN-API one, a Chat2Desk channel. */
const chosen = () => {
  const [unlinkedA, linked, unlinkedB] = sandbox.state.chatpush.instances;
  const green = sandbox.demo.greenapi[1]!;
  const channel = sandbox.state.chat2desk.channels[0]!;
  return { unlinkedA: unlinkedA!, linked: linked!, unlinkedB: unlinkedB!, green, channel };
};

test.beforeAll(async ({ browser }) => {
  mkdirSync(OUT, { recursive: true });
  sandbox = await startSandbox({ seed: 11 });
  const { unlinkedA, linked, unlinkedB, green } = chosen();
  sandbox.controls.chatpush.setInstanceState(unlinkedA.customerId, { whatsapp: 'logged_out' });
  sandbox.controls.chatpush.setInstanceState(unlinkedB.customerId, { whatsapp: 'logged_out' });
  expect(linked.whatsappSession).toBe(1);
  sandbox.controls.greenapi.setState(green.idInstance, 'notAuthorized');
  web = await startWebMode();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openConsole(page, web.url);
  await addChatpushAccount(page, sandbox, 'Jetapi fleet');
  await addGreenApiAccount(page, sandbox, 'Green fleet');
  await addChat2DeskAccount(page, sandbox, 'Desk fleet');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const wall = () => page.getByRole('dialog');
/** Tiles are named after their instance and account; the list of instances left off has unnamed items. */
const tiles = () => wall().getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
const tile = (name: string) => wall().getByRole('listitem', { name, exact: true });

async function openFleetWall() {
  await page.getByRole('link', { name: /^(Instances|Инстансы)/ }).click();
  await expect(page.getByRole('button', { name: /^(Authorize…|Авторизовать…) \(4\)$/ })).toBeVisible();
  await page.getByRole('button', { name: /^(Authorize…|Авторизовать…) \(4\)$/ }).click();
  await expect(wall()).toBeVisible();
  await expect(tiles()).toHaveCount(3, { timeout: 20_000 });
  await expect(wall().getByRole('img')).toHaveCount(3, { timeout: 20_000 });
}

test('selecting rows of three providers and choosing Authorize… opens the QR wall on the Authorize screen', async () => {
  await page.getByRole('link', { name: 'Instances' }).click();
  const { unlinkedA, linked, unlinkedB, green, channel } = chosen();
  const table = page.getByRole('table', { name: 'Instances' });
  for (const id of [unlinkedA.id, linked.id, green.idInstance, unlinkedB.id, channel.id]) {
    await table.getByRole('checkbox', { name: `Select instance ${id}`, exact: true }).check({ timeout: 30_000 });
  }
  await expect(page.getByText('5 selected')).toBeVisible();
  // Chat2Desk has no QR login: four of the five can be asked.
  const authorize = page.getByRole('toolbar', { name: 'Actions on the selected instances' }).getByRole('button', { name: 'Authorize… (4)' });
  await authorize.focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/authorize$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorize');
  await expect(wall()).toBeVisible();
  // Keyboard users land in the wall, so Esc and Tab work at once.
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  await expect(wall().getByRole('heading', { level: 2 })).toHaveText('QR wall: 3 instances', { timeout: 20_000 });
  await expect(tiles()).toHaveCount(3);
  // The wall spans three accounts' worth of rows: tiles name their account.
  await expect(tile('External id 39146, Jetapi fleet')).toBeVisible();
  await expect(tile('External id 68433, Jetapi fleet')).toBeVisible();
  const greenTile = tiles().filter({ hasText: 'Green fleet' });
  await expect(greenTile).toHaveCount(1);
  for (const each of await tiles().all()) await expect(each.getByRole('img', { name: /^QR code for / })).toBeVisible({ timeout: 20_000 });
  await expect(wall().getByRole('status').first()).toHaveText('0 of 3 linked');

  // The two left off, each with its reason: WhatsApp already linked, and a provider with no QR login.
  const skipped = wall().getByRole('region', { name: '2 selected instances are not on the wall' });
  await expect(skipped).toContainText('WhatsApp is already linked. To link another phone, log the instance out first.');
  await expect(skipped).toContainText(`Customer ${linked.customerId} · Instance ${linked.id} · Jetapi fleet`);
  await expect(skipped).toContainText('The account’s provider has no WhatsApp QR login.');
  await expect(skipped).toContainText(`Instance ${channel.id} · Desk fleet`);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(OUT, 'qr-wall-from-instances-light-en.png') });

  // The phone scans one code: that tile turns linked, the others keep their codes.
  sandbox.controls.chatpush.scanQr(unlinkedA.customerId, '995598000111');
  const scanned = tile('External id 39146, Jetapi fleet');
  await expect(scanned).toContainText('WhatsApp is linked to External id 39146. 995598000111');
  await expect(scanned.getByRole('img')).toHaveCount(0);
  await expect(wall().getByRole('status').first()).toHaveText('1 of 3 linked');
  await expect(wall().getByRole('img')).toHaveCount(2);
  sandbox.controls.greenapi.scanQr(green.idInstance, '79990001122');
  await expect(greenTile).toContainText('WhatsApp is linked');
  await expect(wall().getByRole('status').first()).toHaveText('2 of 3 linked');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Esc closes the wall, ends its sessions and goes back to the table, which reads the linked ones again.
  await page.keyboard.press('Escape');
  await expect(wall()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instances');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect.poll(() => sandbox.controls.chatpush.openSockets().length).toBe(0);
  await expect(table.getByRole('row', { name: new RegExp(`Select instance ${unlinkedA.id}\\b`) })).toContainText('Authorized', { timeout: 30_000 });
  await expect(table.getByRole('row', { name: new RegExp(`Select instance ${green.idInstance}\\b`) })).toContainText('Authorized', { timeout: 30_000 });
});

test('the wall opened from the Instances screen in dark and light, English and Russian, with no axe violations', async () => {
  // The first round linked two of them: unlink them again, so the wall has three codes as before.
  const { unlinkedA, green } = chosen();
  sandbox.controls.chatpush.setInstanceState(unlinkedA.customerId, { whatsapp: 'logged_out' });
  sandbox.controls.greenapi.setState(green.idInstance, 'notAuthorized');
  for (const locale of ['en', 'ru'] as const) {
    for (const theme of ['dark', 'light'] as const) {
      if (locale === 'en' && theme === 'light') continue;
      await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(locale);
      await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openFleetWall();
      await expect(wall().getByRole('region')).toBeVisible();
      expect(await accessibilityViolations(page), `${theme} ${locale}`).toEqual([]);
      await page.screenshot({ path: join(OUT, `qr-wall-from-instances-${theme}-${locale}.png`) });
      await page.keyboard.press('Escape');
      await expect(wall()).toBeHidden();
    }
  }
  await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption('en');
  await page.getByRole('combobox', { name: /Theme|Тема/ }).selectOption('light');
});
