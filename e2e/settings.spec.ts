import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole } from './console';
import { addChat2DeskAccount, addChatpushAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Settings screen end to end in Chromium through web mode, against a sandbox this spec runs itself: one GREEN-API
 * account of three instances (the third with a wrong token, so copying to it fails while the others succeed).
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;
const dialog = () => page.getByRole('dialog');
const form = () => page.getByRole('form', { name: 'Instance' });
const instanceSettings = (index: number) => sandbox.state.greenapi.instances.find((i) => i.idInstance === sandbox.demo.greenapi[index]!.idInstance)!.settings;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 21 });
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  const instance = (index: number, apiTokenInstance = sandbox.demo.greenapi[index]!.apiTokenInstance) => ({ idInstance: sandbox.demo.greenapi[index]!.idInstance, apiTokenInstance });
  await addGreenApiAccount(page, sandbox, 'GREEN-API (local)', [instance(0), instance(1), instance(2, 'wrongtoken0000000000')]);
  await addChatpushAccount(page, sandbox, 'Jetapi (local)', []);
  await addChat2DeskAccount(page, sandbox, 'Chat2Desk (local)');
  await page.goto(`${web.origin}/#/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

test('GREEN-API: dependency warnings as the user edits, a diff before saving, and only the changed keys sent', async () => {
  await expect(form().getByLabel('Send delay, ms')).toBeVisible();
  await expect(page.getByText('Saving restarts the instance')).toBeVisible();

  await form().getByLabel('Send delay, ms').fill('499');
  await expect(page.getByText('Enter a whole number of milliseconds from 500 to 86,400,000.')).toBeVisible();
  await form().getByLabel('Send delay, ms').fill('86400001');
  await expect(page.getByText('Enter a whole number of milliseconds from 500 to 86,400,000.')).toBeVisible();
  await form().getByLabel('Send delay, ms').fill('6000');

  const findings = page.getByTestId('settings-findings');
  await form().getByLabel('Incoming messages and files').uncheck();
  await form().getByLabel('Incoming calls').check();
  await expect(findings).toContainText('Incoming call notifications need "Incoming messages and files" on as well.');
  await form().getByLabel('Incoming messages and files').check();
  await expect(findings).not.toContainText('Incoming call notifications need');

  expect(await accessibilityViolations(page)).toEqual([]);
  const setSettingsBefore = sandbox.requests.list('greenapi').filter((r) => r.path.includes('/setSettings/')).length;
  await page.getByRole('button', { name: 'Review changes…' }).click();
  await expect(dialog()).toContainText('The instance restarts; the new settings take up to 5 minutes to apply.');
  await expect(dialog().getByTestId('settings-diff')).toContainText('delaySendMessagesMilliseconds');
  await expect(dialog().getByTestId('settings-diff')).toContainText('6000');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: /^Save \d+ change/ }).click();
  await expect(dialog()).toBeHidden();
  await expect(page.getByText(/Saved: .*delaySendMessagesMilliseconds/)).toBeVisible();
  expect(instanceSettings(0)).toMatchObject({ delaySendMessagesMilliseconds: 6000, incomingCallWebhook: 'yes', incomingWebhook: 'yes' });
  expect(sandbox.requests.list('greenapi').filter((r) => r.path.includes('/setSettings/')).length).toBe(setSettingsBefore + 1);

  await page.getByRole('button', { name: 'Review changes…' }).click();
  await expect(page.getByText('Nothing has changed yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Apply recommended settings' }).click();
  await expect(form().getByLabel('Send delay, ms')).toHaveValue('3000');
  await page.getByRole('button', { name: 'Review changes…' }).click();
  await expect(dialog().getByTestId('settings-diff')).toContainText('3000');
  await dialog().getByRole('button', { name: 'Keep editing' }).click();
  await expect(form().getByLabel('Send delay, ms')).toHaveValue('3000');
  await page.getByRole('button', { name: 'Undo my edits' }).click();
  await expect(form().getByLabel('Send delay, ms')).toHaveValue('6000');
});

test('copies the settings to many instances with a result per instance', async () => {
  await page.getByRole('button', { name: /Copy to 0 instances/ }).click();
  await expect(page.getByText('Choose at least one instance to copy to.')).toBeVisible();
  await page.getByRole('region', { name: 'Copy to other instances' }).getByLabel('Select all').check();
  await page.getByRole('button', { name: /Copy to 2 instances/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copying finished: 1 failed.' })).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('copy-results').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'changed');
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'failed');
  expect(instanceSettings(1)).toMatchObject({ delaySendMessagesMilliseconds: 6000, incomingCallWebhook: 'yes' });
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Chategy/Jetapi: instance fields with the documented password rule and an ordered cascade', async () => {
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Jetapi (local) (Chategy / Jetapi)' });
  const cp = () => page.getByRole('form', { name: 'Instance' });
  await cp().getByLabel('External id').fill('crm-0042');
  await cp().getByLabel('New password').fill('abcdefg');
  await cp().getByRole('button', { name: 'Save instance' }).click();
  await expect(cp().getByText('Add at least one digit.')).toBeVisible();
  await expect(cp().getByLabel('External id')).toHaveValue('crm-0042');

  await cp().getByLabel('Channel to add').selectOption('whatsapp');
  await cp().getByRole('button', { name: 'Add channel' }).click();
  await cp().getByLabel('Channel to add').selectOption('sms');
  await cp().getByRole('button', { name: 'Add channel' }).click();
  await cp().getByRole('button', { name: 'Move sms up' }).focus();
  await page.keyboard.press('Enter');
  await expect(cp().getByTestId('routing')).toHaveText(/sms.*whatsapp/);
  await cp().getByLabel('New password').fill('secret7x');
  expect(await accessibilityViolations(page)).toEqual([]);
  await cp().getByRole('button', { name: 'Save instance' }).click();
  await expect(page.getByText(/Instance \d+ saved\./)).toBeVisible();
  const put = sandbox.requests.list('chatpush').filter((r) => r.method === 'PUT' && r.path.includes('/developer/v1/instances/'));
  expect(put).toHaveLength(1);
  expect(decodeURIComponent(put[0]!.path)).toMatch(/dispatch_routing\[\]=sms.*dispatch_routing\[\]=whatsapp/);
});

test('Chat2Desk: working mode and custom info fields', async () => {
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Chat2Desk (local) (Chat2Desk)' });
  await expect(page.getByText(/^Company: /)).toBeVisible();
  const offline = page.getByRole('radio', { name: 'Offline' });
  const target = (await offline.isChecked()) ? page.getByRole('radio', { name: 'Online' }) : offline;
  await target.check();
  await page.getByLabel('Field 2').fill('VIP line');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save company settings' }).click();
  await expect(page.getByText('Saved: workingMode, customInfo.2.')).toBeVisible();
  await expect(page.getByLabel('Field 2')).toHaveValue('VIP line');
});
