import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole, recordBridgeTraffic } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Accounts screen end to end, in Chromium through web mode. The accounts point at a sandbox this test runs
 * itself on loopback — the way a user points an account at a local test server — so the test knows every URL
 * and key without any back door into the app.
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
let bridgeTraffic: () => Promise<string>;

const CANARY_TOKEN = 'CANARY-e2e-client-token-3b9f7d21';
const SCREENSHOTS = process.env.SWITCHBOARD_SCREENSHOTS_DIR;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 7 });
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  bridgeTraffic = recordBridgeTraffic(page);
  await openConsole(page, web.url);
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const dialog = () => page.getByRole('dialog');
/** The account's own row (its details row is named "Connection test result for …"). */
const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });

async function startAdding(provider: string, name: string) {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await expect(dialog()).toBeVisible();
  await dialog().getByRole('radio', { name: provider }).check();
  await dialog().getByLabel('Account name').fill(name);
}

async function testInDialog() {
  await dialog().getByRole('button', { name: 'Test connection' }).click();
  const report = dialog().getByTestId('connection-report');
  await expect(report).toBeVisible();
  return report;
}

async function save() {
  await dialog().getByRole('button', { name: 'Add account' }).click();
  await expect(dialog()).toBeHidden();
}

test('first run: an empty workspace offers the demo, and the shell and Accounts screen pass axe', async () => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
  await expect(page.getByRole('button', { name: 'Try the demo workspace' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Chategy/Jetapi: a wrong key gets a specific error, the right one passes, and it saves', async () => {
  await startAdding('Chategy / Jetapi', 'Jetapi (local)');
  await dialog().getByLabel('Brand').selectOption('custom');
  await dialog().getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
  await dialog().getByLabel('Site root').fill(sandbox.urls.chatpush.root);
  await dialog().getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
  await dialog().getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
  await dialog().getByLabel('Developer api_key').fill('definitely-not-the-key-000');
  const failed = await testInDialog();
  await expect(failed).toContainText('Chategy / Jetapi rejected the credentials. Check the key or token.');
  await expect(failed).toContainText('1 of 1 check failed.');
  // The failure kept everything typed.
  await expect(dialog().getByLabel('Developer api_key')).toHaveValue('definitely-not-the-key-000');
  await expect(dialog().getByLabel('REST API')).toHaveValue(sandbox.urls.chatpush.rest);

  await dialog().getByLabel('Developer api_key').fill(sandbox.demo.chatpush.apiKey);
  await dialog().getByRole('button', { name: 'Add client token' }).click();
  await dialog().getByLabel('Client token 1: Label').fill('canary line');
  await dialog().getByLabel('Client token 1: Token').fill(CANARY_TOKEN);
  const report = await testInDialog();
  await expect(report).toContainText('1 of 2 checks failed.'); // the canary client token is not a real one
  await expect(report).toContainText('Instances12');
  await save();
  await expect(row('Jetapi (local)')).toBeVisible();
});

test('GREEN-API: instances pasted as lines, tested and saved; a wrong token is named', async () => {
  await startAdding('GREEN-API', 'GREEN-API (local)');
  const lines = sandbox.demo.greenapi
    .slice(0, 2)
    .map((i) => `${i.idInstance} ${i.apiTokenInstance} ${sandbox.urls.greenapi.apiUrl} ${sandbox.urls.greenapi.mediaUrl}`)
    .join('\n');
  await dialog().getByRole('button', { name: 'Paste several' }).click();
  await dialog().getByLabel('Instances, one per line').fill(`${lines}\n${sandbox.demo.greenapi[2]!.idInstance} wrongtoken0000000000 ${sandbox.urls.greenapi.apiUrl} ${sandbox.urls.greenapi.mediaUrl}`);
  await dialog().getByRole('button', { name: 'Preview' }).click();
  await dialog().getByRole('button', { name: /Add 3 instances/ }).click();
  const report = await testInDialog();
  await expect(report).toContainText('1 of 3 checks failed.');
  await expect(report).toContainText('GREEN-API rejected the credentials.');
  await dialog().getByRole('button', { name: 'Remove Instance 3' }).click();
  await dialog().getByRole('button', { name: 'Remove Instance 1' }).first().waitFor();
  const fixed = await testInDialog();
  await expect(fixed).toContainText('All 2 checks passed.');
  await save();
  await expect(row('GREEN-API (local)')).toBeVisible();
});

test('Chat2Desk and Chatti: add, test from the list, and see the result', async () => {
  await startAdding('Chat2Desk', 'Chat2Desk (local)');
  await dialog().getByLabel('API token', { exact: true }).fill(sandbox.demo.chat2desk.apiToken);
  await dialog().getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chat2desk.baseUrl);
  await save();

  await startAdding('Chatti', 'Chatti (local)');
  await dialog().getByLabel('API key (x-api-key)').fill(sandbox.demo.chatti.apiKey);
  await dialog().getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chatti.baseUrl);
  await dialog().getByLabel('Test path').fill(sandbox.demo.chatti.probePath);
  await save();

  for (const name of ['Chat2Desk (local)', 'Chatti (local)']) {
    await page.getByRole('button', { name: `Test connection for ${name}` }).click();
    await expect(row(name)).toContainText('Passed');
  }
});

test('a wrong Chat2Desk token, tested from the list, is reported in words', async () => {
  await page.getByRole('button', { name: 'Edit Chat2Desk (local)' }).click();
  await dialog().getByLabel('API token', { exact: true }).fill('0'.repeat(30));
  const report = await testInDialog();
  await expect(report).toContainText('Chat2Desk rejected the credentials. Check the key or token.');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
});

test('in Russian, field problems and the connection-check rows are worded in Russian', async () => {
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await page.getByRole('button', { name: 'Изменить GREEN-API (local)' }).click();
  const [first, second] = sandbox.demo.greenapi;
  await dialog().getByRole('button', { name: 'Проверить подключение' }).click();
  const report = dialog().getByTestId('connection-report');
  // The kind is worded; the idInstance (the instances were pasted without a label) follows it as it is.
  await expect(report).toContainText(`Инстанс · ${first!.idInstance}`);
  await expect(report).toContainText(`Инстанс · ${second!.idInstance}`);
  await expect(report).not.toContainText('Instance');
  if (SCREENSHOTS) await report.screenshot({ path: `${SCREENSHOTS}/accounts-test-report-ru.png` });

  // Field problems come with a code from main and are worded here, not matched by their English.
  await dialog().getByRole('textbox', { name: 'Инстанс 1: idInstance' }).fill('12ab');
  await dialog().getByRole('textbox', { name: 'Инстанс 2: apiUrl' }).fill('http://api.example.com');
  await dialog().getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(dialog().getByText('idInstance — от 1 до 10 цифр.').first()).toBeVisible();
  await expect(dialog().getByText('Используйте https:// (обычный http:// допустим только для локальных адресов вроде 127.0.0.1).').first()).toBeVisible();
  await expect(dialog()).not.toContainText('idInstance is 1 to 10 digits');
  // Nothing typed was lost.
  await expect(dialog().getByRole('textbox', { name: 'Инстанс 1: idInstance' })).toHaveValue('12ab');
  if (SCREENSHOTS) await dialog().screenshot({ path: `${SCREENSHOTS}/accounts-field-errors-ru.png` });
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog()).toBeHidden();
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
});

test('accounts persist across a reload, and removal asks first', async () => {
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  for (const name of ['Jetapi (local)', 'GREEN-API (local)', 'Chat2Desk (local)', 'Chatti (local)']) {
    await expect(row(name)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Remove Chatti (local)' }).click();
  await dialog().getByRole('button', { name: 'Remove account' }).click();
  await expect(row('Chatti (local)')).toHaveCount(0);
  await page.reload();
  await expect(row('Jetapi (local)')).toBeVisible();
  await expect(row('Chatti (local)')).toHaveCount(0);
});

test('the canary secret never reaches the DOM, any bridge response, the store files or the logs', async () => {
  const dom = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    return document.documentElement.outerHTML + values.join('\n');
  });
  expect(dom).not.toContain(CANARY_TOKEN);
  expect(await bridgeTraffic()).not.toContain(CANARY_TOKEN);
  const files = readdirSync(web.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) {
    expect(readFileSync(join(file.parentPath, file.name), 'utf8'), file.name).not.toContain(CANARY_TOKEN);
  }
  expect(web.output()).not.toContain(CANARY_TOKEN);
});
