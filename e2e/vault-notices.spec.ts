import { expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole, screenShown } from './console';
import { accountRow as row, addChattiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * What the window says when a file in the data directory cannot be read at start-up: the vault file and the plain
 * settings file are each damaged between two runs of web mode, and the window must say the file was set aside and
 * where, keep the old bytes, reset nothing else, and leave a console that works. And where no keychain answers,
 * the passphrase screen says why.
 */
test.describe.configure({ mode: 'serial' });

const PASSPHRASE = 'e2e passphrase, long enough';
const ACCOUNT = 'Chatti (kept)';

let sandbox: Sandbox;
const running: WebMode[] = [];
/** The window left on the console after Start fresh, for the test that follows. */
let afterStartFresh: Page | null = null;

test.beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5 });
});
test.afterAll(async () => {
  for (const web of running) await web.stop();
  await sandbox?.close();
});

async function start(options: Parameters<typeof startWebMode>[0] = {}) {
  const web = await startWebMode(options);
  running.push(web);
  return web;
}

/** The console opened after a restart: a passphrase vault (no keychain on this machine) asks to be unlocked first. */
async function reopenConsole(page: Page, url: string) {
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await expect(nav.or(unlock)).toBeVisible();
  if (await unlock.isVisible()) {
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await unlock.click();
  }
  await expect(nav).toBeVisible();
}

/** A data directory from a first run that saved one Chatti account, with web mode stopped again. */
async function preparedDataDir(browser: Browser): Promise<string> {
  const web = await start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openConsole(page, web.url);
    await addChattiAccount(page, sandbox, ACCOUNT);
    await expect(row(page, ACCOUNT)).toBeVisible();
  } finally {
    await context.close();
    await web.stop();
  }
  return web.dataDir;
}

/** The one file web mode moved `file` to (`<file>.corrupt-<time>`). */
function movedCopyOf(dataDir: string, name: string): string {
  const moved = readdirSync(dataDir).filter((entry) => entry.startsWith(`${name}.corrupt-`));
  expect(moved, `${name} moved aside once`).toHaveLength(1);
  return join(dataDir, moved[0]!);
}

test('a vault file cut short is set aside, named with where it went, nothing else is reset, and Start fresh opens the console', async ({ browser }) => {
  const dataDir = await preparedDataDir(browser);
  const vaultFile = join(dataDir, 'vault.json');
  const settingsFile = join(dataDir, 'settings.json');
  const whole = readFileSync(vaultFile, 'utf8');
  const cut = whole.slice(0, Math.floor(whole.length / 2));
  writeFileSync(vaultFile, cut);
  const settingsBefore = readFileSync(settingsFile, 'utf8');

  const web = await start({ dataDir });
  const page = await (await browser.newContext()).newPage();
  try {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The credential vault could not be read');
    const moved = movedCopyOf(dataDir, 'vault.json');
    const list = page.getByRole('region', { name: 'Files moved aside' });
    await expect(list.getByRole('definition').nth(0)).toHaveText(vaultFile);
    await expect(list.getByRole('definition').nth(1)).toHaveText(moved);
    await expect(list).toContainText('The file is not valid JSON (it may have been cut short or edited).');
    await expect(page.getByRole('main')).toContainText('It has been moved aside, not deleted, so nothing is lost yet.');
    // The start-up notice names both places as well.
    const notice = page.getByRole('alert').filter({ hasText: 'moved aside, not deleted' });
    await expect(notice).toContainText(`${vaultFile} is now ${moved}`);

    // Nothing was reset: the damaged bytes are kept as they were, no new vault was made behind the user's back,
    // and the accounts (in the plain store) are untouched.
    expect(readFileSync(moved, 'utf8')).toBe(cut);
    expect(existsSync(vaultFile)).toBe(false);
    expect(readFileSync(settingsFile, 'utf8')).toBe(settingsBefore);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start fresh…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Start with an empty vault?' });
    await expect(confirm).toContainText('The unreadable file stays where it was moved; nothing is deleted.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Start fresh' }).click();
    // Without a keychain, the new vault needs its passphrase first.
    const nav = page.getByRole('navigation', { name: 'Screens' });
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    await expect(nav.or(passphrase)).toBeVisible();
    if (await passphrase.isVisible()) await openConsole(page, web.url);
    await expect(nav).toBeVisible();
    // A new, empty vault; the damaged one is still where it was moved, byte for byte.
    expect(JSON.parse(readFileSync(vaultFile, 'utf8'))).toMatchObject({ version: 1, entries: {} });
    expect(readFileSync(moved, 'utf8')).toBe(cut);
    afterStartFresh = page;
  } catch (error) {
    await page.context().close();
    throw error;
  }
});

test('after Start fresh, the accounts kept from before are listed, and a key entered again makes one work', async () => {
  const page = afterStartFresh!;
  try {
    await screenShown(page, 'accounts');
    await expect(row(page, ACCOUNT)).toContainText('1 secret is not in the vault: edit the account and enter it again.');
    await page.getByRole('button', { name: `Edit ${ACCOUNT}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('API key (x-api-key)').fill(sandbox.demo.chatti.apiKey);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, ACCOUNT)).not.toContainText('not in the vault');
    await page.getByRole('button', { name: `Test connection for ${ACCOUNT}` }).click();
    await expect(row(page, ACCOUNT)).toContainText('Passed');
  } finally {
    await page.context().close();
  }
});

test('a settings file that is not JSON is set aside, the notice says where, the vault is untouched, and the console works', async ({ browser }) => {
  const dataDir = await preparedDataDir(browser);
  const vaultFile = join(dataDir, 'vault.json');
  const settingsFile = join(dataDir, 'settings.json');
  const damaged = '{"accounts": [ {"name": "half a record"';
  writeFileSync(settingsFile, damaged);
  const vaultBefore = readFileSync(vaultFile, 'utf8');

  const web = await start({ dataDir });
  const page = await (await browser.newContext()).newPage();
  try {
    await reopenConsole(page, web.url);
    const moved = movedCopyOf(dataDir, 'settings.json');
    const notice = page.getByRole('alert').filter({ hasText: 'moved aside, not deleted' });
    await expect(notice).toContainText(`${settingsFile} is now ${moved}`);
    await expect(notice).toContainText('the keys of the accounts it listed stay encrypted in the vault, unused');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Nothing was reset: the damaged bytes are kept, and the vault file is as it was.
    expect(readFileSync(moved, 'utf8')).toBe(damaged);
    expect(readFileSync(vaultFile, 'utf8')).toBe(vaultBefore);

    // The console works: a preference sticks, an account can be added and tested, and the notice can be dismissed.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await addChattiAccount(page, sandbox, 'Chatti (again)');
    await page.getByRole('button', { name: 'Test connection for Chatti (again)' }).click();
    await expect(row(page, 'Chatti (again)')).toContainText('Passed');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    expect(readFileSync(moved, 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ settings: { theme: 'dark' } });
  } finally {
    await page.context().close();
  }
});

test('where no keychain answers, the passphrase screen says why, in the keychain’s own terms', async ({ browser }) => {
  // No Secret Service on this bus address (as secret-leak.spec.ts does): the machine has no usable keychain.
  const web = await start({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-vault-notices-bus' } });
  const page = await (await browser.newContext()).newPage();
  try {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protect your credentials with a passphrase');
    await expect(page.getByRole('main')).toContainText(
      'Normally the encryption key is kept in libsecret (Secret Service), but the keychain could not be used:',
    );
    const reason = page.getByLabel('What the system keychain reported');
    await expect(reason).toHaveText(
      'No D-Bus session bus was found, so no Secret Service could be asked for a key (is this a desktop session?).',
    );
    await expect(page.getByRole('main')).toContainText('The passphrase cannot be recovered.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await openConsole(page, web.url);
    await screenShown(page, 'accounts');
    expect(readFileSync(join(web.dataDir, 'vault.json'), 'utf8')).toContain('"mode": "passphrase"');
  } finally {
    await page.context().close();
  }
});
