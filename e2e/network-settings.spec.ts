import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { startTestProxy, type TestProxy } from '../electron/core/providers/http/test-proxy';
import { accessibilityViolations, openConsole, recordBridgeTraffic, screenShown } from './console';
import { addChat2DeskAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * Network settings end to end in Chromium through web mode: the proxy set in the window, its password shown only
 * as a mask after a reload, and an account's connection test carried by a real proxy on loopback that wants a
 * user name and password.
 *
 * The sandbox is on loopback, and loopback always goes direct (a real proxy elsewhere cannot reach this computer's
 * 127.0.0.1). Rather than give the app a test-only back door, the spec uses the documented opt-in: `<-loopback>` in
 * the bypass list (Chromium's token) sends loopback through the proxy too, which is exactly right for a proxy on
 * this computer such as the test proxy. The proxy's own log then proves the calls went through it.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'E2E-proxy-pass-6d2f81';
let web: WebMode;
let sandbox: Sandbox;
let proxy: TestProxy;
let page: Page;
let bridgeTraffic: () => Promise<string>;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 17 });
  proxy = await startTestProxy({ requireAuth: `ops:${PASSWORD}` });
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  bridgeTraffic = recordBridgeTraffic(page);
  await openConsole(page, web.url);
  await addChat2DeskAccount(page, sandbox, 'Chat2Desk (local)');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await proxy?.close();
  await sandbox?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Network settings' });

async function openNetwork() {
  await page.getByRole('banner').getByRole('button', { name: 'Network' }).click();
  await expect(dialog().getByRole('button', { name: 'Save network settings' })).toBeVisible();
}

/** Everything web mode wrote to its data directory (store, vault, logs), as text. */
function dataDirText(): string {
  return readdirSync(web.dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

test('the proxy is set in the window, with field problems shown at their fields', async () => {
  await screenShown(page, 'accounts');
  await openNetwork();
  await expect(dialog().getByLabel('Use the system proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)')).toBeChecked();
  await dialog().getByLabel('Use this proxy').check();
  await dialog().getByLabel('Proxy address').fill('socks5://proxy.example.com:1080');
  await dialog().getByLabel('User name (optional)').fill('ops');
  await dialog().getByLabel('Password (optional)').fill(PASSWORD);
  await dialog().getByLabel('Bypass list (optional)').fill('corp.local, bad-host!');
  await dialog().getByRole('button', { name: 'Save network settings' }).click();
  await expect(dialog().getByText('An http:// or https:// proxy address with its port')).toBeVisible();
  await expect(dialog().getByText('“bad-host!” is not a host name, domain, IP address or range.')).toBeVisible();
  await expect(dialog().getByLabel('Proxy address')).toBeFocused();

  await dialog().getByLabel('Proxy address').fill(proxy.url());
  await dialog().getByLabel('Bypass list (optional)').fill('corp.local, <-loopback>');
  // Unsaved changes: the test would not use them, so it waits.
  await expect(dialog().getByRole('button', { name: 'Test through proxy' })).toBeDisabled();
  await dialog().getByRole('button', { name: 'Save network settings' }).click();
  await expect(page.getByText('Network settings saved. The next request uses them.')).toBeVisible();
  await expect(dialog().getByLabel('Password (optional)')).toHaveValue('');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('after a reload the password is only a mask, and it never left main', async () => {
  await page.reload();
  await screenShown(page, 'accounts');
  await openNetwork();
  await expect(dialog().getByLabel('Use this proxy')).toBeChecked();
  await expect(dialog().getByLabel('Proxy address')).toHaveValue(proxy.url());
  await expect(dialog().getByLabel('User name (optional)')).toHaveValue('ops');
  await expect(dialog().getByLabel('Bypass list (optional)')).toHaveValue('corp.local, <-loopback>');
  const password = dialog().getByLabel('Password (optional)');
  await expect(password).toHaveValue('');
  await expect(password).toHaveAttribute('type', 'password');
  await expect(dialog().getByText(`Saved as ••••${PASSWORD.slice(-4)} — leave empty to keep it.`)).toBeVisible();
  expect(await bridgeTraffic()).not.toContain(PASSWORD);
});

test('"Test through proxy": the account\'s connection test is carried by the proxy, with its credentials', async () => {
  proxy.reset();
  await dialog().getByLabel('Account').selectOption({ label: 'Chat2Desk (local)' });
  await dialog().getByRole('button', { name: 'Test through proxy' }).click();
  await expect(dialog().getByText(`The account’s address went through the proxy at ${proxy.display}.`)).toBeVisible();
  const report = dialog().getByTestId('connection-report');
  await expect(report).toContainText('The check passed.');
  expect(proxy.seen.length).toBeGreaterThan(0);
  expect(proxy.seen.every((entry) => entry.auth === `ops:${PASSWORD}` && entry.target.startsWith(sandbox.urls.chat2desk.baseUrl))).toBe(true);
  expect(await bridgeTraffic()).not.toContain(PASSWORD);
  expect(dataDirText()).not.toContain(PASSWORD);
});

test('a wrong proxy password: the test says the proxy refused the credentials, in the operator\'s words', async () => {
  await dialog().getByLabel('Password (optional)').fill('Wrong-e2e-pass-0042');
  await dialog().getByRole('button', { name: 'Save network settings' }).click();
  await expect(page.getByText('Network settings saved. The next request uses them.').first()).toBeVisible();
  await dialog().getByRole('button', { name: 'Test through proxy' }).click();
  await expect(dialog().getByTestId('connection-report')).toContainText(
    `The proxy did not accept the proxy user name and password (407). Check them under Network in the header. (127.0.0.1:${new URL(sandbox.urls.chat2desk.baseUrl).port}, through the proxy ${proxy.display})`,
  );
  expect(await bridgeTraffic()).not.toContain('Wrong-e2e-pass-0042');
});
