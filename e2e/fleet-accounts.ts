import { expect, type Page } from '@playwright/test';
import type { Sandbox } from '../electron/core/sandbox';

/**
 * Accounts entered on the Accounts screen the way a user would, pointing at a sandbox the spec runs itself (so it
 * can seed instances, set balances and inject faults with the sandbox's controls). Every spec adds accounts here.
 */
const dialog = (page: Page) => page.getByRole('dialog');

/** Opens the Accounts screen's add dialog with this provider chosen and the name typed; the spec fills the rest. */
export async function startAddingAccount(page: Page, provider: string, name: string) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('radio', { name: provider }).check();
  await dialog(page).getByLabel('Account name').fill(name);
}

/** Saves the add dialog and waits for it to close. */
export async function saveNewAccount(page: Page) {
  await dialog(page).getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page)).toBeHidden();
}

/** Chategy/Jetapi's custom hosts, pointing at the sandbox (no brand preset can: they are the real hosts). */
export async function fillChatpushSandboxHosts(page: Page, sandbox: Sandbox) {
  const form = dialog(page);
  await form.getByLabel('Brand').selectOption('custom');
  await form.getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
  await form.getByLabel('Site root').fill(sandbox.urls.chatpush.root);
  await form.getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
  await form.getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
}

/** Removes an account from the Accounts screen through its confirmation, and waits for its row to go. */
export async function removeAccount(page: Page, name: string) {
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove “${name}”?` });
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(confirm).toBeHidden();
  await expect(accountRow(page, name)).toHaveCount(0);
}

/** An account's own row on the Accounts screen (its details row is named "Connection test result for …"). */
export function accountRow(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/** A client token as the account form takes it. */
export type ClientToken = { label: string; token: string };

/**
 * A Chategy/Jetapi account. By default its one client token is the developer's master token (it reads the paying
 * balance); specs that look deliveries up or authorize pass the customers' tokens they need.
 */
export async function addChatpushAccount(page: Page, sandbox: Sandbox, name: string, tokens?: ClientToken[]) {
  await startAddingAccount(page, 'Chategy / Jetapi', name);
  await fillChatpushSandboxHosts(page, sandbox);
  const form = dialog(page);
  await form.getByLabel('Developer api_key').fill(sandbox.demo.chatpush.apiKey);
  for (const [index, { label, token }] of (tokens ?? [{ label: 'Master', token: sandbox.controls.chatpush.developerToken() }]).entries()) {
    await form.getByRole('button', { name: 'Add client token' }).click();
    await form.getByLabel(`Client token ${index + 1}: Label`).fill(label);
    await form.getByLabel(`Client token ${index + 1}: Token`).fill(token);
  }
  await saveNewAccount(page);
}

/** A GREEN-API account with these instances (the sandbox's demo ones by default), pasted as lines. */
export async function addGreenApiAccount(
  page: Page,
  sandbox: Sandbox,
  name: string,
  instances: readonly { idInstance: string; apiTokenInstance: string }[] = sandbox.demo.greenapi,
) {
  await startAddingAccount(page, 'GREEN-API', name);
  const lines = instances
    .map((i) => `${i.idInstance} ${i.apiTokenInstance} ${sandbox.urls.greenapi.apiUrl} ${sandbox.urls.greenapi.mediaUrl}`)
    .join('\n');
  await dialog(page).getByRole('button', { name: 'Paste several' }).click();
  await dialog(page).getByLabel('Instances, one per line').fill(lines);
  await dialog(page).getByRole('button', { name: 'Preview' }).click();
  await dialog(page).getByRole('button', { name: /Add \d+ instances?$/ }).click();
  await saveNewAccount(page);
}

export async function addChat2DeskAccount(page: Page, sandbox: Sandbox, name: string) {
  await startAddingAccount(page, 'Chat2Desk', name);
  await dialog(page).getByLabel('API token', { exact: true }).fill(sandbox.demo.chat2desk.apiToken);
  await dialog(page).getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chat2desk.baseUrl);
  await saveNewAccount(page);
}

export async function addChattiAccount(page: Page, sandbox: Sandbox, name: string) {
  await startAddingAccount(page, 'Chatti', name);
  await dialog(page).getByLabel('API key (x-api-key)').fill(sandbox.demo.chatti.apiKey);
  await dialog(page).getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chatti.baseUrl);
  await dialog(page).getByLabel('Test path').fill(sandbox.demo.chatti.probePath);
  await saveNewAccount(page);
}
