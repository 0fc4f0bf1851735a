import { expect, test, type Locator, type Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Authorize screen end to end, in Chromium through web mode, against a sandbox this spec runs itself: the
 * accounts are entered like a user would, and the sandbox's controls play the phone (scan, enter a code), the
 * clock (a code expiring) and the network (a dropped socket).
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 11 });
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  await addChatpushAccount(page, sandbox);
  await addGreenApiAccount(page, sandbox, 'GREEN-API (local)');
  await page.goto(page.url().replace(/#.*$/, '') + '#/authorize');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorize');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const dialog = () => page.getByRole('dialog');
const qr = () => dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' });
const status = (scope: Locator = dialog()) => scope.locator('.auth-phase');
const chatpush = () => sandbox.state.chatpush.instances;
const greenapi = () => sandbox.demo.greenapi;

async function addChatpushAccount(page: Page, sandbox: Sandbox) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const form = page.getByRole('dialog');
  await form.getByRole('radio', { name: 'Chategy / Jetapi' }).check();
  await form.getByLabel('Account name').fill('Jetapi (local)');
  await form.getByLabel('Brand').selectOption('custom');
  await form.getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
  await form.getByLabel('Site root').fill(sandbox.urls.chatpush.root);
  await form.getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
  await form.getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
  await form.getByLabel('Developer api_key').fill(sandbox.demo.chatpush.apiKey);
  await form.getByRole('button', { name: 'Add client token' }).click();
  await form.getByLabel('Client token 1: Label').fill('Support line');
  await form.getByLabel('Client token 1: Token').fill(sandbox.demo.chatpush.clientTokens[0]!.token);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form).toBeHidden();
}

async function chooseAccount(name: string) {
  const select = page.getByLabel('Account', { exact: true });
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value!);
  await expect(page.getByRole('table', { name: 'Instances of the account' })).toBeVisible();
}

async function openAuthorize(name: string) {
  await page.getByRole('button', { name: `Authorize ${name}`, exact: true }).click();
  await expect(dialog()).toBeVisible();
}

const canvasImage = () => qr().evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());

test('Chategy/Jetapi QR: the code is drawn with a countdown, renews after expiry, survives a dropped socket, and the scan closes the dialog', async () => {
  const customerId = chatpush()[0]!.customerId;
  sandbox.controls.chatpush.setInstanceState(customerId, { whatsapp: 'logged_out' });
  await chooseAccount('Jetapi (local)');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await openAuthorize('Support line');
  await expect(dialog().getByRole('tab', { name: 'WhatsApp QR' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog().getByRole('tab')).toHaveText(['WhatsApp QR', 'Telegram', 'MAX', 'Telegram bot']);
  await expect(qr()).toBeVisible();
  await expect(status()).toHaveText('Scan the code with the phone.');
  await expect(dialog().getByRole('timer', { name: 'Time left to scan this code' })).toContainText(/0:(2\d|30) left/);
  expect(await accessibilityViolations(page)).toEqual([]);

  // §4.1: a code lives 30–40 s; past that the platform pushes a new one and the dialog redraws by itself.
  const before = await canvasImage();
  sandbox.clock.advance(41_000);
  await expect.poll(canvasImage).not.toBe(before);

  // A network drop: the dialog says so, then the same session is back without a click.
  sandbox.controls.chatpush.dropSockets({ customerId });
  await expect(status()).toHaveText('Scan the code with the phone.');
  await expect.poll(() => sandbox.controls.chatpush.openSockets().length).toBe(1);

  sandbox.controls.chatpush.scanQr(customerId, '995598000111');
  await expect(dialog()).toContainText('WhatsApp is linked to Support line. 995598000111');
  await expect(dialog()).toBeHidden();
  const row = page.getByRole('row', { name: /Support line/ });
  await expect(row).toContainText('Linked');
  // Non-sandbox accounts never offer the simulated scan.
  await expect(page.getByRole('button', { name: /Simulate scan/ })).toHaveCount(0);
});
