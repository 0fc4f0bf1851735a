import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { SCREEN_IDS } from '../renderer/shell/screens';
import { openConsole, recordBridgeTraffic, recordPushedEvents } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * Canary secrets for every credential type, made the real credentials of a sandbox this test runs, entered through
 * the UI and then driven through every screen, a failing provider and the exports. None may appear in the DOM,
 * any bridge response or pushed event, the store files, the vault file, the logs, the audit log or an export.
 */
test.describe.configure({ mode: 'serial' });

const CANARY = {
  chatpushKey: 'CANARYchatpushDeveloperKey0001',
  idempotencyKey: 'CANARYidemKey0002',
  greenapiToken: 'CANARYgreenapiToken00000000000000000000000003',
  chat2deskToken: 'CANARYchat2deskToken000004',
  chattiKey: 'CANARYchattiKey00000000005',
};
let web: WebMode;
let sandbox: Sandbox;
let clientToken: string;

test.beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11 });
  sandbox.state.chatpush.apiKey = CANARY.chatpushKey;
  sandbox.state.greenapi.instances[0]!.apiTokenInstance = CANARY.greenapiToken;
  sandbox.state.chat2desk.apiToken = CANARY.chat2deskToken;
  sandbox.state.chatti.apiKey = CANARY.chattiKey;
  // A client JWT is a secret too: the sandbox's own, used as a canary.
  clientToken = sandbox.demo.chatpush.clientTokens[0]!.token;
  web = await startWebMode();
});
test.afterAll(async () => {
  await web?.stop();
  await sandbox?.close();
});

test('no canary leaves main, whatever the screen, the error or the export', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const traffic = recordBridgeTraffic(page);
  const downloads: string[] = [];
  page.on('download', async (download) => downloads.push(readFileSync((await download.path())!, 'utf8')));
  await openConsole(page, web.url);
  const pushed = await recordPushedEvents(page);
  const dialog = page.getByRole('dialog');

  const add = async (provider: string, name: string, fill: () => Promise<void>) => {
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await dialog.getByRole('radio', { name: provider }).check();
    await dialog.getByLabel('Account name').fill(name);
    await fill();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByTestId('connection-report')).toBeVisible();
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog).toHaveCount(0);
  };
  await add('Chategy / Jetapi', 'Canary Jetapi', async () => {
    await dialog.getByLabel('Brand').selectOption('custom');
    await dialog.getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
    await dialog.getByLabel('Site root').fill(sandbox.urls.chatpush.root);
    await dialog.getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
    await dialog.getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
    await dialog.getByLabel('Developer api_key').fill(CANARY.chatpushKey);
    await dialog.getByLabel('Idempotency key (optional)').fill(CANARY.idempotencyKey);
    await dialog.getByRole('button', { name: 'Add client token' }).click();
    await dialog.getByLabel('Client token 1: Label').fill('canary client');
    await dialog.getByLabel('Client token 1: Token').fill(clientToken);
  });
  await add('GREEN-API', 'Canary GREEN-API', async () => {
    await dialog.getByLabel('Instance 1: idInstance').fill(sandbox.state.greenapi.instances[0]!.idInstance);
    await dialog.getByLabel('Instance 1: apiTokenInstance').fill(CANARY.greenapiToken);
    await dialog.getByLabel('Instance 1: apiUrl').fill(sandbox.urls.greenapi.apiUrl);
    await dialog.getByLabel('Instance 1: mediaUrl').fill(sandbox.urls.greenapi.mediaUrl);
  });
  await add('Chat2Desk', 'Canary Chat2Desk', async () => {
    await dialog.getByLabel('API token', { exact: true }).fill(CANARY.chat2deskToken);
    await dialog.getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chat2desk.baseUrl);
  });
  await add('Chatti', 'Canary Chatti', async () => {
    await dialog.getByLabel('API key (x-api-key)').fill(CANARY.chattiKey);
    await dialog.getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chatti.baseUrl);
    await dialog.getByLabel('Test path').fill(sandbox.demo.chatti.probePath);
  });

  // Failing providers: error texts are built from provider answers, which must not carry the secrets back.
  for (const provider of ['chatpush', 'greenapi', 'chat2desk', 'chatti'] as const) {
    sandbox.faults.inject(provider, { kind: 'status', status: 401, times: 2 });
  }
  for (const name of ['Canary Jetapi', 'Canary GREEN-API', 'Canary Chat2Desk', 'Canary Chatti']) {
    await page.getByRole('button', { name: `Test connection for ${name}` }).click();
  }
  await expect(page.getByText('Failed').first()).toBeVisible();
  sandbox.faults.clear();

  // Every screen, in order, with a moment for each to load what it shows.
  for (const [index] of SCREEN_IDS.entries()) {
    await page.keyboard.press(`Alt+${index + 1}`);
    await page.waitForLoadState('networkidle');
  }
  // Exports that exist on the current screens.
  await page.keyboard.press('Alt+8');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect.poll(() => downloads.length).toBeGreaterThan(0);

  const secrets = [...Object.values(CANARY), clientToken];
  const dom = await page.evaluate(
    () => document.documentElement.outerHTML + [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n'),
  );
  const bridge = (await traffic()) + (await pushed());
  // The recorders really saw the accounts: their masks (the last four characters) are there, the secrets are not.
  expect(bridge).toContain('••••0001');
  expect(bridge).toContain('accounts.changed');
  const files = readdirSync(web.dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, text: readFileSync(join(entry.parentPath, entry.name), 'utf8') }));
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['settings.json', 'vault.json', 'switchboard.log', 'audit.log']));
  for (const secret of secrets) {
    expect(dom, 'DOM').not.toContain(secret);
    expect(bridge, 'bridge responses').not.toContain(secret);
    for (const file of files) expect(file.text, file.name).not.toContain(secret);
    for (const csv of downloads) expect(csv, 'export').not.toContain(secret);
    expect(web.output(), 'web-mode output').not.toContain(secret);
  }
  await context.close();
});
