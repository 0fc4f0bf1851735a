import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
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
  await addChatpushAccount(page, sandbox, 'Jetapi (local)', [{ label: 'Support line', token: sandbox.demo.chatpush.clientTokens[0]!.token }]);
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

/** Views worth a look (errors as next steps, pairing code, Telegram), saved only when screenshots are asked for. */
const snap = async (name: string) => {
  const dir = process.env.SWITCHBOARD_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
};

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

test('every documented stop reaches the operator as a next step: a refused origin, then a retry that works', async () => {
  const customerId = chatpush()[1]!.customerId;
  sandbox.controls.chatpush.setInstanceState(customerId, { whatsapp: 'logged_out' });
  sandbox.controls.chatpush.setOriginAllowList(['https://crm.example.com']);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await openAuthorize(`Customer ${customerId}`);
  const alert = dialog().getByRole('alert');
  await expect(alert).toContainText('Next step:');
  await expect(alert).toContainText(/origin/i);
  await expect(status()).toHaveText('The authorization stopped.');
  expect(await accessibilityViolations(page)).toEqual([]);
  await snap('authorize-origin-refused');

  sandbox.controls.chatpush.setOriginAllowList([]);
  await dialog().getByRole('button', { name: 'Try again' }).click();
  await expect(qr()).toBeVisible();
  await expect(status()).toHaveText('Scan the code with the phone.');

  // A container that cannot be created: the step offers to interrupt, which brings a code.
  sandbox.controls.chatpush.failQrCreation(customerId);
  await expect(status()).toHaveText('The platform could not prepare a QR code.');
  await dialog().getByRole('button', { name: 'Interrupt authorization' }).click();
  await expect.poll(() => sandbox.requests.list('chatpush').some((request) => request.path.includes('delete_container_session'))).toBe(true);
  sandbox.controls.chatpush.failQrCreation(customerId, false);
  await expect(status()).toHaveText('Scan the code with the phone.');

  // Esc closes the dialog and ends the session: the socket goes away.
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
  await expect.poll(() => sandbox.controls.chatpush.openSockets().length).toBe(0);
});

test('GREEN-API: an instance already linked offers a logout, then shows a new code, and the scan closes the dialog', async () => {
  await chooseAccount('GREEN-API (local)');
  const linked = greenapi()[0]!.idInstance;
  await openAuthorize(`idInstance ${linked}`);
  await expect(status()).toHaveText('This instance is already linked to a phone.');
  await snap('authorize-already-linked');
  await dialog().getByRole('button', { name: 'Log out and retry…' }).click();
  await expect(dialog().getByRole('group', { name: 'Log out this instance?' })).toBeVisible();
  await dialog().getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(qr()).toBeVisible();
  await expect(dialog().getByRole('timer')).toContainText(/1:(3\d|40) left/);

  sandbox.controls.greenapi.scanQr(linked);
  await expect(dialog()).toContainText(`WhatsApp is linked to idInstance ${linked}.`);
  await expect(dialog()).toBeHidden();
});

test('GREEN-API: when the scan window closes unused, one click brings a new code', async () => {
  sandbox.state.greenapi.timings.qrSocketTimeoutMs = 1_200;
  const id = greenapi()[1]!.idInstance;
  await openAuthorize(`idInstance ${id}`);
  await expect(qr()).toBeVisible();
  // Two windows renew by themselves; the third closing asks for a click.
  await expect(status()).toHaveText('The code was not scanned in time.', { timeout: 20_000 });
  await expect(dialog().getByText('Get a new code when the phone is ready.')).toBeVisible();
  sandbox.state.greenapi.timings.qrSocketTimeoutMs = 100_000;
  await dialog().getByRole('button', { name: 'Get a new code' }).click();
  await expect(status()).toHaveText('Scan the code with the phone.');
  await expect(qr()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
});

test('GREEN-API pairing code: digits only, the code grouped with a copy button and its countdown, closed by the link', async () => {
  const id = greenapi()[1]!.idInstance;
  await openAuthorize(`idInstance ${id}`);
  await dialog().getByRole('tab', { name: 'Pairing code' }).click();
  const phone = dialog().getByLabel('Phone number (digits only)');
  await phone.fill('+44 1234 567890');
  await dialog().getByRole('button', { name: 'Get a pairing code' }).click();
  await expect(dialog().getByText('Digits only: no +, spaces, dashes or brackets.')).toBeVisible();
  await expect(phone).toHaveValue('+44 1234 567890');
  await phone.fill('441234567890');
  await dialog().getByRole('button', { name: 'Get a pairing code' }).click();
  const code = dialog().locator('.pairing-code-value');
  await expect(code).toHaveText(/^[A-Z0-9]{4}[A-Z0-9]{4}$/);
  await expect(code.locator('span')).toHaveCount(2);
  await expect(dialog().getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(dialog().getByRole('timer', { name: 'Time left to enter the pairing code' })).toContainText(/2:(2\d|30) left/);
  expect(await accessibilityViolations(page)).toEqual([]);
  await snap('authorize-pairing-code');

  expect(sandbox.controls.greenapi.enterPairingCode(id)).toBe(true);
  await expect(dialog()).toContainText(`WhatsApp is linked to idInstance ${id}.`);
  await expect(dialog()).toBeHidden();
});

test('Telegram: phone, a wrong code shown under its field with the input kept, the right code closes the dialog', async () => {
  await chooseAccount('Jetapi (local)');
  const customerId = chatpush()[0]!.customerId;
  sandbox.controls.chatpush.setInstanceState(customerId, { tdlibSession: 0 });
  sandbox.controls.chatpush.setTelegramCode(customerId, '31415');
  await openAuthorize('Support line');
  await dialog().getByRole('tab', { name: 'Telegram', exact: true }).click();
  await expect(status()).toHaveText('Enter the phone number of the Telegram account.');
  await dialog().getByLabel('Phone number').fill('+995 598 464 533');
  await dialog().getByRole('button', { name: 'Send phone number' }).click();
  await expect(status()).toHaveText('Enter the login code Telegram sent to the account.');
  const code = dialog().getByLabel('Login code');
  await code.fill('00000');
  await dialog().getByRole('button', { name: 'Send code' }).click();
  await expect(dialog().locator('.field-error')).toContainText('invalid code');
  await expect(code).toHaveValue('00000');
  expect(await accessibilityViolations(page)).toEqual([]);
  await snap('authorize-telegram-wrong-code');
  await code.fill('31415');
  await dialog().getByRole('button', { name: 'Send code' }).click();
  await expect(dialog()).toContainText('Telegram is logged in on Support line.');
  await expect(dialog()).toBeHidden();
});

test('MAX takes the phone then the SMS code; the Telegram bot tab shows the bot link', async () => {
  const customerId = chatpush()[0]!.customerId;
  await openAuthorize('Support line');
  await dialog().getByRole('tab', { name: 'Telegram bot' }).click();
  await dialog().getByLabel('Bot token').fill('not a token');
  await dialog().getByRole('button', { name: 'Connect bot' }).click();
  await expect(dialog().getByText('A bot token from @BotFather: digits, a colon, then letters.')).toBeVisible();
  await dialog().getByLabel('Bot token').fill('6209296007:AAHexampleTokenValue');
  await dialog().getByLabel('Menu button title (optional)').fill('Main');
  await dialog().getByRole('button', { name: 'Connect bot' }).click();
  await expect(dialog().getByText('Required when a menu title is set.')).toBeVisible();
  await dialog().getByLabel('Menu button link (optional)').fill('https://www.notion.so/');
  await dialog().getByRole('button', { name: 'Connect bot' }).click();
  await expect(dialog().getByRole('status').filter({ hasText: 'The bot is connected' })).toContainText(/https:\/\/t\.me\//);

  await dialog().getByRole('tab', { name: 'MAX' }).click();
  await dialog().getByLabel('Phone number').fill('+7 981 159-77-45');
  await dialog().getByRole('button', { name: 'Send phone number' }).click();
  await expect(dialog().getByLabel('SMS code')).toBeVisible();
  await dialog().getByLabel('SMS code').fill(sandbox.controls.chatpush.maxCode(customerId)!);
  await dialog().getByRole('button', { name: 'Send code' }).click();
  await expect(dialog()).toContainText('MAX is authorized on Support line.');
  await expect(dialog()).toBeHidden();
});

test('provisioning wizard, Chategy/Jetapi: create with field errors kept, resume after closing, authorize, webhook, test message', async () => {
  await chooseAccount('Jetapi (local)');
  await page.getByRole('button', { name: 'New instance…' }).click();
  await dialog().getByLabel('Client email').fill('not-an-email');
  await dialog().getByLabel('Client phone').fill('+995 555 846 453');
  await dialog().getByLabel('Password').fill('short');
  await dialog().getByLabel('External id (optional)').fill('crm-77');
  await dialog().getByRole('button', { name: 'Create instance' }).click();
  await expect(dialog().getByText('An email address, e.g. client@example.com.')).toBeVisible();
  await expect(dialog().getByText('At least 7 characters.')).toBeVisible();
  await expect(dialog().getByLabel('External id (optional)')).toHaveValue('crm-77');
  await dialog().getByLabel('Client email').fill('crm77@example.com');
  await dialog().getByLabel('Password').fill('secret777');
  await dialog().getByRole('button', { name: 'Create instance' }).click();
  await expect(dialog().getByRole('heading', { name: 'Set up crm-77' })).toBeVisible();
  await expect(dialog().locator('[aria-current="step"]')).toHaveText('2Authorize');
  await expect(qr()).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Closed half-way: the screen offers to resume at the same step.
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Setting up crm-77 stopped at “Authorize”.' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(qr()).toBeVisible();
  const customerId = chatpush().find((instance) => instance.externalId === 'crm-77')!.customerId;
  sandbox.controls.chatpush.scanQr(customerId);

  await expect(dialog().getByLabel('Webhook URL')).toBeVisible();
  await dialog().getByLabel('Webhook URL').fill('https://crm.example.com/hooks/jetapi');
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await dialog().getByLabel('Recipient phone').fill('995598464533');
  await dialog().getByRole('button', { name: 'Send test message' }).click();
  await expect(dialog().getByRole('status').filter({ hasText: 'Sent as delivery' })).toBeVisible();
  await dialog().getByRole('button', { name: 'Finish' }).click();
  await expect(dialog().getByText('crm-77 is set up.')).toBeVisible();
  await expect(dialog().getByRole('listitem').filter({ hasText: 'Webhooks: done' })).toContainText('webhook');
  await dialog().getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog()).toBeHidden();
  await expect(page.getByText(/Setting up .* stopped at/)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /crm-77/ })).toContainText('Linked');
});

test('provisioning wizard, GREEN-API: add by credentials, wait while it is being created, apply the recommended settings', async () => {
  sandbox.state.greenapi.timings.creatingWindowMs = 3_000;
  const [fresh] = sandbox.controls.greenapi.seedInstances(1, { state: null });
  await chooseAccount('GREEN-API (local)');
  await page.getByRole('button', { name: 'Add existing instance…' }).click();
  await dialog().getByLabel('Label (optional)').fill('Fresh line');
  await dialog().getByLabel('idInstance').fill(fresh!.idInstance);
  await dialog().getByLabel('apiTokenInstance').fill(fresh!.apiTokenInstance);
  await dialog().getByLabel('apiUrl').fill(sandbox.urls.greenapi.apiUrl);
  await dialog().getByLabel('mediaUrl').fill(sandbox.urls.greenapi.mediaUrl);
  await dialog().getByRole('button', { name: 'Add instance' }).click();
  await expect(dialog().getByRole('progressbar', { name: 'Waiting for the instance to be created' })).toBeVisible();
  await expect(dialog().getByRole('table', { name: 'Recommended settings and the current ones' })).toBeVisible({ timeout: 20_000 });
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: 'Apply recommended settings' }).click();
  await expect(dialog().getByRole('tab', { name: 'WhatsApp QR' })).toBeVisible();
  const record = sandbox.state.greenapi.instances.find((instance) => instance.idInstance === fresh!.idInstance)!;
  expect(record.settings).toMatchObject({ stateWebhook: 'yes', keepOnlineStatus: 'yes' });
  await dialog().getByRole('button', { name: 'Skip this step' }).click();
  await expect(dialog().getByText('Fresh line is set up.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Fresh line/ })).toBeVisible();
});
