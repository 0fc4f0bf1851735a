import { expect, test, type Locator, type Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { openConsole } from './console';
import { addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';
import { authorizeScreen, gotoAuthorize } from './authorize-screen';

/**
 * Every documented error of every authorization tab, and of the provisioning wizard, as the operator meets it: in
 * Chromium through web mode, against a sandbox this spec runs and puts in the state behind each error. One row per
 * error: what is arranged and done, the message the operator reads, the next step it gives, and the button that
 * takes it. The sessions' recoveries are in authorize-sessions.spec.ts; the happy paths in authorize.spec.ts.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
/** One fresh instance per row, so a row never meets what another left behind. */
let green: { idInstance: string; apiTokenInstance: string }[];
let jet: { customerId: number; name: string }[];

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 23 });
  green = sandbox.controls.greenapi.seedInstances(6);
  jet = sandbox.controls.chatpush
    .seedInstances(8, { externalIdPrefix: 'err-' })
    .map((record) => ({ customerId: record.customerId, name: `External id ${record.externalId}` }));
  // The wizard's wait gives up after its first check here (10 minutes in production).
  web = await startWebMode({ env: { SWITCHBOARD_WIZARD_WAIT_MS: '1' } });
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  // The second client token is the first instance's as it was when copied: the platform then issues a new one.
  await addChatpushAccount(page, sandbox, 'Jet', [
    { label: 'Master', token: sandbox.controls.chatpush.developerToken() },
    { label: 'Copied token', token: chatpush(0).token },
  ]);
  await addGreenApiAccount(page, sandbox, 'Green', green);
  await gotoAuthorize(page);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const { dialog, chooseAccount, openTab, closeDialog, discardUnfinished } = authorizeScreen(() => page);
const chatpush = (row: number) => sandbox.state.chatpush.instances.find((record) => record.customerId === jet[row]!.customerId)!;
const greenRecord = (row: number) => sandbox.state.greenapi.instances.find((record) => record.idInstance === green[row]!.idInstance)!;
const greenName = (row: number) => `idInstance ${green[row]!.idInstance}`;

/** Where a session's stop is worded: the provider's answer and "Next step: …". */
const nextStepBox = () => dialog().locator('.next-step');
const phaseLine = () => dialog().locator('.auth-phase');
/** A field's own words (hint and error) as assistive technology reads them with it. */
const field = (label: string) => dialog().getByLabel(label, { exact: true });

/** What an operator must never read in place of a reason. */
const NOT_A_REASON = /Something went wrong inside|internal error|TypeError|\[object Object\]|undefined|Unprocessable Entity/i;

async function openWizard(account: string, button: string) {
  await chooseAccount(account, { refresh: true });
  await page.getByRole('button', { name: button }).click();
  await expect(dialog()).toBeVisible();
}

interface ErrorCase {
  tab: string;
  /** The documented error, as the provider's documents name it. */
  error: string;
  /** Puts the sandbox in the state behind the error and opens where the operator meets it. */
  arrange: () => Promise<void>;
  /** What the operator does until the error comes (nothing when opening the tab is enough). */
  act?: () => Promise<void>;
  /** The message, where it is shown. */
  message: [at: () => Locator, says: RegExp];
  /** The next step, where it is shown (with the message, or apart). */
  nextStep: [at: () => Locator, says: RegExp | string];
  /** The button the next step offers. */
  button: string;
  /** Proves the button leads on, where that is this row's point. */
  follow?: () => Promise<void>;
  /** Leaves nothing for the next row (the wizard keeps its progress in main). */
  after?: () => Promise<void>;
}

const CASES: ErrorCase[] = [
  {
    tab: 'WhatsApp QR',
    error: 'GREEN-API "Instance has auth. You need to make log out"',
    arrange: async () => {
      sandbox.controls.greenapi.setStaleAuth(green[0]!.idInstance);
      await openTab('Green', greenName(0), 'WhatsApp QR');
    },
    message: [phaseLine, /^The instance keeps old authorization data that no longer works\.$/],
    nextStep: [nextStepBox, 'Next step: Log the instance out; a new code follows at once.'],
    button: 'Log out and retry…',
    follow: async () => {
      await dialog().getByRole('button', { name: 'Log out and retry…' }).click();
      await dialog().getByRole('group', { name: 'Log out this instance?' }).getByRole('button', { name: 'Log out', exact: true }).click();
      await expect(dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' })).toBeVisible();
      expect(greenRecord(0).staleAuth).toBe(false);
    },
  },
  {
    tab: 'WhatsApp QR',
    error: 'GREEN-API 401: the instance token was regenerated',
    arrange: async () => {
      greenRecord(1).apiTokenInstance = `${green[1]!.apiTokenInstance.slice(0, -4)}0000`;
      await openTab('Green', greenName(1), 'WhatsApp QR');
    },
    message: [nextStepBox, /^GREEN-API rejected the credentials\. Check the key or token\. \(HTTP 401, 127\.0\.0\.1:\d+\)/],
    nextStep: [nextStepBox, /Next step: Check the instance’s idInstance, token and API address in the account, then try again\.$/],
    button: 'Try again',
  },
  {
    tab: 'WhatsApp QR',
    error: 'GREEN-API 403: GREEN-API no longer knows the idInstance',
    arrange: async () => {
      greenRecord(2).idInstance = '1109999999';
      await openTab('Green', greenName(2), 'WhatsApp QR');
    },
    message: [nextStepBox, /^GREEN-API refused access with these credentials\..*\(HTTP 403, 127\.0\.0\.1:\d+\)/],
    nextStep: [nextStepBox, /Next step: Check the instance’s idInstance, token and API address in the account, then try again\.$/],
    button: 'Try again',
  },
  {
    tab: 'WhatsApp QR',
    error: 'GREEN-API "instance in starting process try later"',
    arrange: async () => {
      sandbox.controls.greenapi.setState(green[3]!.idInstance, 'starting');
      await openTab('Green', greenName(3), 'WhatsApp QR');
    },
    message: [phaseLine, /^The instance is not ready yet; checking every 5 seconds…$/],
    nextStep: [nextStepBox, 'Next step: Starting takes up to 5 minutes. If it takes longer, reboot the instance.'],
    button: 'Reboot…',
    follow: async () => {
      await dialog().getByRole('button', { name: 'Reboot…' }).click();
      await dialog().getByRole('group', { name: 'Reboot this instance?' }).getByRole('button', { name: 'Reboot', exact: true }).click();
      await expect.poll(() => sandbox.requests.list('greenapi').some((request) => request.path.includes('/reboot/'))).toBe(true);
      // Rebooted, the instance comes back unlinked: the same dialog shows a code by itself.
      await expect(dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' })).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    tab: 'WhatsApp QR',
    error: 'GREEN-API blocked: the scanned account is banned',
    arrange: async () => {
      await openTab('Green', greenName(4), 'WhatsApp QR');
      await expect(dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' })).toBeVisible();
    },
    act: async () => {
      // The phone scans, and GREEN-API reports the linked account as banned.
      sandbox.controls.greenapi.scanQr(green[4]!.idInstance);
      sandbox.controls.greenapi.setState(green[4]!.idInstance, 'blocked');
    },
    message: [nextStepBox, /GREEN-API said: “blocked”\./],
    nextStep: [nextStepBox, /Next step: The WhatsApp account is banned\. Ask for it to be unblocked, or log out and link another phone\.$/],
    button: 'Log out and retry…',
  },
  {
    tab: 'Pairing code',
    error: 'GREEN-API getAuthorizationCode {"status": false}',
    arrange: async () => {
      sandbox.controls.greenapi.failNextPairingCode(green[5]!.idInstance);
      await openTab('Green', greenName(5), 'Pairing code');
    },
    act: async () => {
      await field('Phone number (digits only)').fill('441234567890');
      await dialog().getByRole('button', { name: 'Get a pairing code' }).click();
    },
    message: [nextStepBox, /^GREEN-API could not issue a pairing code this time \(it answered “status: false”, which asks for the request to be repeated\)\./],
    nextStep: [nextStepBox, /Next step: Request a new code\.$/],
    button: 'Get a pairing code',
  },
  {
    tab: 'WhatsApp QR',
    error: 'Chategy/Jetapi socket: client token rejected',
    arrange: async () => {
      sandbox.controls.chatpush.setInstanceState(jet[0]!.customerId, { whatsapp: 'logged_out' });
      // The platform issued a new token; the account still holds the one copied before.
      chatpush(0).token = `${chatpush(0).token}.reissued`;
      await openTab('Jet', 'Copied token', 'WhatsApp QR');
    },
    message: [nextStepBox, /^Chategy \/ Jetapi rejected the credentials\. Check the key or token\. \(HTTP 403, 127\.0\.0\.1:\d+\)/],
    nextStep: [nextStepBox, /Next step: Copy the instance’s client token again \(personal account or developer instance list\), save it in the account, then try again\.$/],
    button: 'Try again',
  },
  {
    tab: 'WhatsApp QR',
    error: 'Chategy/Jetapi socket: channel join refused',
    arrange: async () => {
      sandbox.controls.chatpush.setInstanceState(jet[1]!.customerId, { whatsapp: 'logged_out' });
      // The developer list hands out another customer's token for this instance: its room refuses the join.
      chatpush(1).token = sandbox.state.chatpush.instances[0]!.token;
      await openTab('Jet', jet[1]!.name, 'WhatsApp QR');
    },
    message: [nextStepBox, /refused access with these credentials\..*Chategy \/ Jetapi said: “unauthorized”\./],
    nextStep: [nextStepBox, /Next step: The client token belongs to another customer\. Check which token the account holds for this instance, then try again\.$/],
    button: 'Try again',
  },
  {
    tab: 'Telegram',
    error: 'Chategy/Jetapi TDLib send_phone 422 "invalid phone"',
    arrange: async () => {
      sandbox.controls.chatpush.setInstanceState(jet[2]!.customerId, { tdlibSession: 0 });
      await openTab('Jet', jet[2]!.name, 'Telegram');
    },
    act: async () => {
      await field('Phone number').fill('+1 234 5678');
      await dialog().getByRole('button', { name: 'Send phone number' }).click();
    },
    message: [() => field('Phone number'), /Telegram did not accept it: invalid phone\./],
    nextStep: [phaseLine, 'Enter the phone number of the Telegram account.'],
    button: 'Send phone number',
  },
  {
    tab: 'Telegram',
    error: 'Chategy/Jetapi TDLib send_password 422 "invalid password"',
    arrange: async () => {
      const { customerId } = jet[3]!;
      sandbox.controls.chatpush.setInstanceState(customerId, { tdlibSession: 0 });
      sandbox.controls.chatpush.setTelegramCode(customerId, '31415');
      sandbox.controls.chatpush.setTelegramPassword(customerId, 'open sesame');
      await openTab('Jet', jet[3]!.name, 'Telegram');
      await field('Phone number').fill('+995 598 464 533');
      await dialog().getByRole('button', { name: 'Send phone number' }).click();
      await field('Login code').fill('31415');
      await dialog().getByRole('button', { name: 'Send code' }).click();
    },
    act: async () => {
      await field('Two-step verification password').fill('open barley');
      await dialog().getByRole('button', { name: 'Send password' }).click();
    },
    message: [() => field('Two-step verification password'), /Telegram did not accept it: invalid password\./],
    nextStep: [phaseLine, 'Enter the account’s two-step verification password.'],
    button: 'Send password',
  },
  {
    tab: 'MAX',
    error: 'Chategy/Jetapi MAX send_code 422 "confirmation code invalid"',
    arrange: async () => {
      await openTab('Jet', jet[4]!.name, 'MAX');
      await field('Phone number').fill('+7 981 159-77-45');
      await dialog().getByRole('button', { name: 'Send phone number' }).click();
    },
    act: async () => {
      const sent = sandbox.controls.chatpush.maxCode(jet[4]!.customerId)!;
      await field('SMS code').fill(sent === '000000' ? '111111' : '000000');
      await dialog().getByRole('button', { name: 'Send code' }).click();
    },
    message: [() => field('SMS code'), /Chategy \/ Jetapi did not accept it: confirmation code invalid\./],
    nextStep: [() => dialog().getByText('Enter the code MAX sent by SMS.'), 'Enter the code MAX sent by SMS.'],
    button: 'Send code',
  },
  {
    tab: 'MAX',
    error: 'Chategy/Jetapi MAX close_session 422 "session_not_found"',
    arrange: async () => {
      await openTab('Jet', jet[5]!.name, 'MAX');
    },
    act: async () => {
      await dialog().getByRole('button', { name: 'Close the MAX session' }).click();
      await dialog().getByRole('group', { name: 'Close the MAX session' }).getByRole('button', { name: 'Close the MAX session' }).click();
    },
    message: [() => dialog().getByRole('status').filter({ hasText: 'MAX session' }), /^There was no MAX session on this instance to close\./],
    nextStep: [() => dialog().getByRole('status').filter({ hasText: 'MAX session' }), /To log in to MAX, send the phone number\.$/],
    button: 'Send phone number',
  },
  {
    tab: 'Telegram bot',
    error: 'Chategy/Jetapi telegram_bots 422 refusing the bot token',
    arrange: async () => {
      await openTab('Jet', jet[6]!.name, 'Telegram bot');
    },
    act: async () => {
      // Well-formed for the console, refused by the platform.
      await field('Bot token').fill('6209296007:AAHshort');
      await dialog().getByRole('button', { name: 'Connect bot' }).click();
    },
    message: [() => field('Bot token'), /Chategy \/ Jetapi did not accept it: Неверный токен бота\./],
    nextStep: [() => field('Bot token'), /From @BotFather, e\.g\. 6209296007:AAH…/],
    button: 'Connect bot',
  },
  {
    tab: 'Provisioning wizard',
    error: 'Chategy/Jetapi instance create 422 "email: already exists"',
    arrange: async () => {
      await openWizard('Jet', 'New instance…');
    },
    act: async () => {
      await field('Client email').fill(chatpush(7).email);
      await field('Client phone').fill('+995 555 846 453');
      await field('Password').fill('secret777');
      await dialog().getByRole('button', { name: 'Create instance' }).click();
    },
    message: [() => field('Client email'), /Chategy \/ Jetapi did not accept it: already exists\./],
    nextStep: [() => dialog().getByRole('alert'), 'Some fields need attention; they are marked below.'],
    button: 'Create instance',
  },
  {
    tab: 'Provisioning wizard',
    error: 'GREEN-API getStateInstance still null (being created) when the wait gives up',
    arrange: async () => {
      const [fresh] = sandbox.controls.greenapi.seedInstances(1, { state: null });
      await openWizard('Green', 'Add existing instance…');
      await field('idInstance').fill(fresh!.idInstance);
      await field('apiTokenInstance').fill(fresh!.apiTokenInstance);
      await field('apiUrl').fill(sandbox.urls.greenapi.apiUrl);
      await field('mediaUrl').fill(sandbox.urls.greenapi.mediaUrl);
      await dialog().getByRole('button', { name: 'Add instance' }).click();
      await expect(dialog().getByRole('progressbar', { name: 'Waiting for the instance to be created' })).toBeVisible();
    },
    message: [() => dialog().getByRole('alert'), /^GREEN-API still reports the instance as being created after 10 minutes, although creation takes up to 5\./],
    nextStep: [() => dialog().getByRole('alert'), /Check the instance in the GREEN-API personal account, or ask GREEN-API support\./],
    button: 'Wait again',
    after: async () => {
      await closeDialog();
      await discardUnfinished();
    },
  },
];

/** Words shown by an element, or read with a field (its hint and error, as its accessible description). */
async function expectWords(at: Locator, says: RegExp | string, { refusal = false } = {}) {
  if ((await at.evaluate((element) => element.tagName)) !== 'INPUT') return expect(at).toContainText(says);
  await expect(at).toHaveAccessibleDescription(typeof says === 'string' ? new RegExp(says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : says);
  // A refusal marks its field, so the operator (and a screen reader) lands on what to correct.
  if (refusal) await expect(at).toHaveAttribute('aria-invalid', 'true');
}

for (const row of CASES) {
  test(`${row.tab} · ${row.error}: worded, with its next step and its button`, async () => {
    await row.arrange();
    const [messageAt, says] = row.message;
    const [stepAt, step] = row.nextStep;
    const button = dialog().getByRole('button', { name: row.button, exact: true });
    await row.act?.();

    await expectWords(messageAt(), says, { refusal: true });
    await expectWords(stepAt(), step);
    await expect(button).toBeVisible();
    await expect(button).toBeEnabled();
    expect(await dialog().innerText()).not.toMatch(NOT_A_REASON);

    await row.follow?.();
    if (row.after) await row.after();
    else await closeDialog();
  });
}
