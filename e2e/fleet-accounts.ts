import { expect, type Page } from '@playwright/test';
import type { Sandbox } from '../electron/core/sandbox';

/**
 * Accounts for the Instances and Balances specs, entered on the Accounts screen the way a user would, pointing at
 * a sandbox the spec runs itself (so it can seed instances and set balances with the sandbox's controls).
 */
const dialog = (page: Page) => page.getByRole('dialog');

async function startAdding(page: Page, provider: string, name: string) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('radio', { name: provider }).check();
  await dialog(page).getByLabel('Account name').fill(name);
}

async function save(page: Page) {
  await dialog(page).getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page)).toBeHidden();
}

/** A Chategy/Jetapi account with the developer's master token as a client token (it reads the paying balance). */
export async function addChatpushAccount(page: Page, sandbox: Sandbox, name: string) {
  await startAdding(page, 'Chategy / Jetapi', name);
  const form = dialog(page);
  await form.getByLabel('Brand').selectOption('custom');
  await form.getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
  await form.getByLabel('Site root').fill(sandbox.urls.chatpush.root);
  await form.getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
  await form.getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
  await form.getByLabel('Developer api_key').fill(sandbox.demo.chatpush.apiKey);
  await form.getByRole('button', { name: 'Add client token' }).click();
  await form.getByLabel('Client token 1: Label').fill('Master');
  await form.getByLabel('Client token 1: Token').fill(sandbox.controls.chatpush.developerToken());
  await save(page);
}

/** A GREEN-API account with the sandbox's demo instances, pasted as lines. */
export async function addGreenApiAccount(page: Page, sandbox: Sandbox, name: string) {
  await startAdding(page, 'GREEN-API', name);
  const lines = sandbox.demo.greenapi
    .map((i) => `${i.idInstance} ${i.apiTokenInstance} ${sandbox.urls.greenapi.apiUrl} ${sandbox.urls.greenapi.mediaUrl}`)
    .join('\n');
  await dialog(page).getByRole('button', { name: 'Paste several' }).click();
  await dialog(page).getByLabel('Instances, one per line').fill(lines);
  await dialog(page).getByRole('button', { name: 'Preview' }).click();
  await dialog(page).getByRole('button', { name: /Add \d+ instances/ }).click();
  await save(page);
}
