import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';
import { authorizeScreen, gotoAuthorize } from './authorize-screen';

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
  await gotoAuthorize(page);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const { dialog, chooseAccount, openAuthorize } = authorizeScreen(() => page);
const qr = () => dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' });
const status = (scope: Locator = dialog()) => scope.locator('.auth-phase');
const chatpush = () => sandbox.state.chatpush.instances;
const greenapi = () => sandbox.demo.greenapi;

/** Views worth a look (errors as next steps, pairing code, Telegram), saved only when screenshots are asked for. */
const snap = async (name: string) => {
  const dir = process.env.SWITCHBOARD_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
};

const canvasImage = () => qr().evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
const SCANNABLE = 'Scan the code with the phone.';
const RECONNECTING = 'The connection dropped; reconnecting…';

/** A call over the bridge with the page's own token, as another window of the console would make it. */
async function bridgeCall(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    async ([call, body]) => {
      const token = sessionStorage.getItem('switchboard.webToken') ?? '';
      const response = await fetch(`/rpc/${call}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchboard-token': token }, body: JSON.stringify(body) });
      return response.json();
    },
    [name, input] as const,
  );
}
const chosenAccountId = () => page.getByLabel('Account', { exact: true }).inputValue();

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

  // A network drop: the dialog says so, then the same session is back on a new socket without a click.
  const connections = () => sandbox.requests.list('chatpush').filter((request) => request.server === 'whatsapp').length;
  const connectedBefore = connections();
  expect(sandbox.controls.chatpush.dropSockets({ customerId })).toBe(1);
  await expect(status()).toHaveText(RECONNECTING);
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();
  expect(connections()).toBeGreaterThan(connectedBefore);
  await expect.poll(() => sandbox.controls.chatpush.openSockets().map((socket) => socket.topics.length)).toEqual([1]);

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
  await dialog().getByRole('button', { name: 'Interrupt authorization…' }).click();
  await dialog().getByRole('group', { name: 'Interrupt the WhatsApp authorization?' }).getByRole('button', { name: 'Interrupt', exact: true }).click();
  await expect.poll(() => sandbox.requests.list('chatpush').some((request) => request.path.includes('delete_container_session'))).toBe(true);
  sandbox.controls.chatpush.failQrCreation(customerId, false);
  await expect(status()).toHaveText('Scan the code with the phone.');

  // Esc closes the dialog and ends the session: the socket goes away.
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
  await expect.poll(() => sandbox.controls.chatpush.openSockets().length).toBe(0);
});

test('Chategy/Jetapi: a stuck authorization can be interrupted while a code shows and while the phone links, after a confirmation', async () => {
  const customerId = chatpush()[1]!.customerId;
  const interrupts = () => sandbox.requests.list('chatpush').filter((request) => request.path.includes('delete_container_session')).length;
  await openAuthorize(`Customer ${customerId}`);
  await expect(status()).toHaveText(SCANNABLE);
  const before = interrupts();

  // While a code shows: asked first, and Cancel sends nothing and leaves the code.
  const interrupt = dialog().getByRole('button', { name: 'Interrupt authorization…' });
  const confirm = dialog().getByRole('group', { name: 'Interrupt the WhatsApp authorization?' });
  await interrupt.click();
  await expect(confirm).toContainText('a phone that is linking now is dropped');
  expect(await accessibilityViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(interrupts()).toBe(before);
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();

  // A phone scanned, and the platform never finishes linking it: the way out is still offered.
  sandbox.controls.chatpush.beginQrScan(customerId);
  await expect(status()).toHaveText('The code was scanned; linking the phone…');
  await interrupt.click();
  await confirm.getByRole('button', { name: 'Interrupt', exact: true }).click();
  await expect.poll(interrupts).toBe(before + 1);
  await expect(confirm).toBeHidden();
  // The container session is gone: the platform stops linking, and a new code follows in the same dialog.
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();
  expect(interrupts()).toBe(before + 1);
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
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

test('GREEN-API row actions: reboot and log out ask first; Cancel sends nothing, Confirm does it and the row says so', async () => {
  const { idInstance } = greenapi()[0]!;
  const name = `idInstance ${idInstance}`;
  const sent = (method: 'reboot' | 'logout') => sandbox.requests.list('greenapi').filter((request) => request.path.startsWith(`/waInstance${idInstance}/${method}/`)).length;
  const row = page.getByRole('row', { name: new RegExp(`${name}\\b`) });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row).toContainText('Linked');
  const before = { reboot: sent('reboot'), logout: sent('logout') };

  // Reboot: Cancel sends nothing.
  const reboot = page.getByRole('dialog', { name: 'Reboot this instance?' });
  await page.getByRole('button', { name: `Reboot ${name}`, exact: true }).click();
  await expect(reboot).toContainText(`${name} restarts and shows “Starting”`);
  await expect(reboot.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await reboot.getByRole('button', { name: 'Cancel' }).click();
  await expect(reboot).toBeHidden();
  expect(sent('reboot')).toBe(before.reboot);
  await expect(row).toContainText('Linked');

  // Confirmed: one reboot is sent, and the row shows the instance starting until it is back.
  await page.getByRole('button', { name: `Reboot ${name}`, exact: true }).click();
  await reboot.getByRole('button', { name: 'Reboot', exact: true }).click();
  await expect(reboot).toBeHidden();
  expect(sent('reboot')).toBe(before.reboot + 1);
  await expect(page.getByText(`${name} is rebooting; it shows “Starting” for a moment.`)).toBeVisible();
  await expect(row).toContainText('Starting');
  sandbox.clock.advance(sandbox.state.greenapi.timings.rebootMs);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row).toContainText('Linked');

  // Log out: Cancel sends nothing; confirmed, the phone is unlinked.
  const logout = page.getByRole('dialog', { name: 'Log out this instance?' });
  await page.getByRole('button', { name: `Log out ${name}`, exact: true }).click();
  await expect(logout).toContainText(`The phone linked to ${name} is disconnected`);
  await logout.getByRole('button', { name: 'Cancel' }).click();
  await expect(logout).toBeHidden();
  expect(sent('logout')).toBe(before.logout);
  await expect(row).toContainText('Linked');
  await page.getByRole('button', { name: `Log out ${name}`, exact: true }).click();
  await logout.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(logout).toBeHidden();
  expect(sent('logout')).toBe(before.logout + 1);
  expect(sent('reboot')).toBe(before.reboot + 1);
  await expect(page.getByText(`${name} was logged out.`)).toBeVisible();
  await expect(row).toContainText('Not linked');
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
  // The finished step says what the platform answered: the new ids, and where the client token went.
  const created = chatpush().find((instance) => instance.externalId === 'crm-77')!;
  const answer = dialog().locator('.wizard-answer');
  await expect(answer).toHaveText(
    `Create: done. The platform created instance ${created.id} (customer ${created.customerId}). Its client token was added to the account as “crm-77”.`,
  );
  expect(await accessibilityViolations(page)).toEqual([]);

  // Closed half-way: the screen offers to resume at the same step, and starting another setup waits until this one
  // is resumed or discarded (it would lose this one's progress).
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Setting up crm-77 stopped at “Authorize”.' })).toBeVisible();
  const newInstance = page.getByRole('button', { name: 'New instance…' });
  await expect(newInstance).toBeDisabled();
  await expect(newInstance).toHaveAccessibleDescription(/Resume or discard it before adding another instance\./);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(qr()).toBeVisible();
  const customerId = created.customerId;
  sandbox.controls.chatpush.scanQr(customerId, '995598000777');

  await expect(dialog().getByLabel('Webhook URL')).toBeVisible();
  await expect(answer).toHaveText('Authorize: done. Linked by WhatsApp QR to 995598000777.');
  await dialog().getByLabel('Webhook URL').fill('https://crm.example.com/hooks/jetapi');
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(answer).toHaveText(/^Webhooks: done\. Webhook \d+ was created for whatsapp_log_in, whatsapp_log_out, whatsapp_incoming_msg, whatsapp_status_msg\.$/);
  await dialog().getByLabel('Recipient phone').fill('995598464533');
  await dialog().getByRole('button', { name: 'Send test message' }).click();
  await expect(dialog().getByRole('status').filter({ hasText: 'Sent as delivery' })).toBeVisible();
  await dialog().getByRole('button', { name: 'Finish' }).click();
  await expect(dialog().getByText('crm-77 is set up.')).toBeVisible();
  // The summary keeps every step's answer.
  await expect(dialog().locator('.wizard-log li')).toHaveText([
    /^Create: done\. The platform created instance \d+ \(customer \d+\)\. Its client token was added to the account as “crm-77”\.$/,
    'Authorize: done. Linked by WhatsApp QR to 995598000777.',
    /^Webhooks: done\. Webhook \d+ was created for /,
    /^Test message: done\. Sent as delivery \d+; status: \d+/,
  ]);
  await dialog().getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog()).toBeHidden();
  await expect(page.getByText(/Setting up .* stopped at/)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /crm-77/ })).toContainText('Linked');
});

test('provisioning wizard: a second setup is refused while one is unfinished, with Resume and Discard, and Discard asks first', async () => {
  await chooseAccount('Jetapi (local)');
  await expect(page.getByRole('button', { name: 'New instance…' })).toBeEnabled();
  await page.getByRole('button', { name: 'New instance…' }).click();
  await dialog().getByLabel('Client email').fill('crm88@example.com');
  await dialog().getByLabel('Client phone').fill('+995 555 846 488');
  await dialog().getByLabel('Password').fill('secret888');
  await dialog().getByLabel('External id (optional)').fill('crm-88');

  // Meanwhile another window starts a setup of its own.
  const other = { email: 'crm87@example.com', phone: '+995 555 846 487', password: 'secret887', externalId: 'crm-87', dispatchRouting: ['whatsapp'], renewSubscription: true };
  expect(await bridgeCall('auth.wizardCreate', { accountId: await chosenAccountId(), form: other })).toMatchObject({ ok: true });
  const instances = chatpush().length;

  // This one is refused before anything is created, says which setup stands in the way, and keeps the form.
  await dialog().getByRole('button', { name: 'Create instance' }).click();
  const refusal = dialog().getByRole('alert');
  await expect(refusal).toContainText('No instance was added: setting up crm-87 is not finished (it stopped at “Authorize”)');
  expect(chatpush()).toHaveLength(instances);
  await expect(dialog().getByLabel('External id (optional)')).toHaveValue('crm-88');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Discard asks first; Cancel keeps that setup.
  await refusal.getByRole('button', { name: 'Discard…' }).click();
  const discard = dialog().getByRole('group', { name: 'Discard the unfinished setup?' });
  await expect(discard).toContainText('Switchboard forgets where setting up crm-87 stopped');
  await expect(discard.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(discard).toBeHidden();
  expect(await bridgeCall('auth.wizard', {})).toMatchObject({ ok: true, value: { label: 'crm-87' } });

  // Resume opens that setup where it stopped, with what the platform answered.
  await refusal.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog().getByRole('heading', { name: 'Set up crm-87' })).toBeVisible();
  await expect(dialog().locator('[aria-current="step"]')).toHaveText('2Authorize');
  await expect(dialog().locator('.wizard-answer')).toContainText('Create: done. The platform created instance');

  // Closed: the banner offers the same, and Discard, confirmed, frees the way for a new setup.
  await page.keyboard.press('Escape');
  await expect(dialog()).toBeHidden();
  const banner = page.getByRole('status').filter({ hasText: 'Setting up crm-87 stopped at “Authorize”.' });
  await expect(page.getByRole('button', { name: 'New instance…' })).toBeDisabled();
  await banner.getByRole('button', { name: 'Discard…' }).click();
  await banner.getByRole('group', { name: 'Discard the unfinished setup?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Discard…' }).click();
  await banner.getByRole('group', { name: 'Discard the unfinished setup?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(page.getByText(/^Setting up .* stopped at/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New instance…' })).toBeEnabled();
  expect(await bridgeCall('auth.wizard', {})).toMatchObject({ ok: true, value: null });
  // The instance itself stays: only the wizard's progress was forgotten.
  await expect(page.getByRole('row', { name: /crm-87/ })).toBeVisible();
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
  const answer = dialog().locator('.wizard-answer');
  await expect(answer).toHaveText(`Create: done. idInstance ${fresh!.idInstance} was added to the account.`);
  await expect(dialog().getByRole('table', { name: 'Recommended settings and the current ones' })).toBeVisible({ timeout: 20_000 });
  await expect(answer).toHaveText('Wait for creation: done. GREEN-API reports the instance’s state: Not linked.');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: 'Apply recommended settings' }).click();
  await expect(dialog().getByRole('tab', { name: 'WhatsApp QR' })).toBeVisible();
  await expect(answer).toHaveText(/^Settings: done\. GREEN-API saved \d+ settings: .*stateWebhook.*\.$/);
  const record = sandbox.state.greenapi.instances.find((instance) => instance.idInstance === fresh!.idInstance)!;
  expect(record.settings).toMatchObject({ stateWebhook: 'yes', keepOnlineStatus: 'yes' });
  await dialog().getByRole('button', { name: 'Skip this step' }).click();
  await expect(dialog().getByText('Fresh line is set up.')).toBeVisible();
  await expect(dialog().locator('.wizard-log li')).toHaveText([
    `Create: done. idInstance ${fresh!.idInstance} was added to the account.`,
    'Wait for creation: done. GREEN-API reports the instance’s state: Not linked.',
    /^Settings: done\. GREEN-API saved \d+ settings: /,
    'Authorize: skipped.',
  ]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Fresh line/ })).toBeVisible();
});
