import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { startSandbox, type Fault, type Sandbox } from '../electron/core/sandbox';
import type { ProviderId } from '../shared/providers';
import { SCREEN_IDS } from '../renderer/shell/screens';
import { openConsole, screenShown } from './console';
import { addChat2DeskAccount, addChatpushAccount, addChattiAccount, addGreenApiAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * Shared by the fault-survival specs (fault-survival-*.spec.ts): the sandbox faults as an operator meets them, and a
 * workspace of one account per provider, entered on the Accounts screen like a user would, pointing at a sandbox
 * the spec controls.
 *
 * Which fault runs where. Every fault hits each provider once, on one of that provider's screens; every screen
 * gets several faults. Not every fault on every screen: each refresh or GREEN-API call costs time (GREEN-API allows
 * one call per second per method and instance), and the whole suite stays near a minute. Faults a read retries
 * (timeout, 502, 429) go on GREEN-API writes, which are tried once. Chatti has only two screens.
 *
 *   fault              | Chategy/Jetapi                    | GREEN-API             | Chat2Desk         | Chatti
 *   401                | Accounts                          | Settings (load)       | Webhooks (list)   | Workbench; Accounts (edit dialog)
 *   403                | Instances                         | Accounts              | Accounts          | Accounts
 *   404                | Deliveries (lookup)               | Instances             | Deliveries (find) | Workbench
 *   422                | Webhooks (create)                 | Deliveries (send)     | Webhooks (create) | Workbench
 *   429 + RA           | Balances                          | Settings (save, 1 s)  | Accounts          | Workbench
 *   466                | Accounts                          | Webhooks (load)       | Accounts          | Accounts
 *   500                | Settings (save); Authorize (list) | Accounts              | Instances         | Workbench
 *   502 HTML           | Webhooks (list)                   | Webhooks (save)       | Deliveries (list) | Workbench
 *   timeout            | Deliveries (send)                 | Deliveries (send)     | Settings (save)   | Workbench
 *   reset              | Settings (load)                   | Deliveries (find)     | Settings (load)   | Accounts
 *   truncated          | Deliveries (lookup)               | Settings (load)       | Balances          | Workbench
 *   socket drop mid-QR | Authorize (QR dialog)             | Authorize (QR dialog) |                   |
 *   missed heartbeats  | Authorize (QR dialog)             |                       |                   |
 *
 * Recovery by itself, where the product promises it: the QR dialog after a drop or stalled heartbeats, and a 429
 * with a short Retry-After, waited out within the same Test connection (Accounts, GREEN-API).
 */

export type FaultName = '401' | '403' | '404' | '422' | '429' | '466' | '500' | '502 HTML' | 'timeout' | 'reset' | 'truncated';

interface FaultCase {
  /** What the sandbox does to the matching requests (the 422 carries each provider's own error shape and words). */
  fault: (provider: ProviderId) => Fault;
  /** What the operator must read: the cause in words, not a code or a stack. */
  says: (provider: ProviderId) => RegExp;
}

/** The provider's own words the 422 carries, so the message can be checked for them. */
const PROVIDER_WORDS: Record<ProviderId, string> = {
  chatpush: 'not enough money on the balance',
  greenapi: 'chatId has an invalid format',
  chat2desk: 'Channel is not connected to a transport',
  chatti: 'The phone field must be in E.164 format',
};

const BODY_422: Record<ProviderId, Fault & { kind: 'status' }> = {
  // §1.5: the reason sits under `errors.base`; the message only restates the status.
  chatpush: { kind: 'status', status: 422, body: { meta: { code: 422, message: 'Unprocessable Entity', status: 'fail', errors: { base: [PROVIDER_WORDS.chatpush] } } } },
  greenapi: { kind: 'status', status: 422, body: `Validation failed: ${PROVIDER_WORDS.greenapi}` },
  chat2desk: { kind: 'status', status: 422, body: { message: PROVIDER_WORDS.chat2desk, errors: {}, status: 'error' } },
  chatti: { kind: 'status', status: 422, body: { message: 'The given data was invalid.', errors: { phone: [PROVIDER_WORDS.chatti] } } },
};

/** The Retry-After of the 429 case: past the 30 s a read waits out by itself, so the operator is told to wait. */
const RETRY_AFTER_S = 120;

export const FAULTS: Record<FaultName, FaultCase> = {
  '401': { fault: () => ({ kind: 'status', status: 401 }), says: () => /rejected the credentials\. Check the key or token/ },
  '403': { fault: () => ({ kind: 'status', status: 403 }), says: () => /refused access with these credentials\. Check the key or token/ },
  '404': { fault: () => ({ kind: 'status', status: 404 }), says: () => /did not find what was asked for/ },
  '422': { fault: (provider) => BODY_422[provider], says: (provider) => new RegExp(`rejected the request as invalid.*${PROVIDER_WORDS[provider]}`) },
  '429': {
    fault: () => ({ kind: 'status', status: 429, retryAfter: RETRY_AFTER_S }),
    says: () => new RegExp(`limiting the request rate.*Try again in ${RETRY_AFTER_S} seconds`),
  },
  '466': { fault: () => ({ kind: 'status', status: 466 }), says: () => /tariff quota is used up/ },
  '500': { fault: () => ({ kind: 'status', status: 500 }), says: () => /unavailable right now\. Try again later\. \(HTTP 500/ },
  '502 HTML': { fault: () => ({ kind: 'html', status: 502 }), says: () => /HTML error page instead of JSON: a proxy or gateway/ },
  timeout: { fault: () => ({ kind: 'timeout' }), says: () => /did not answer in time/ },
  reset: { fault: () => ({ kind: 'reset' }), says: () => /connection was dropped before the reply arrived/ },
  // Half of a short GREEN-API body may no longer look like JSON at all: either wording names the broken reply.
  truncated: { fault: () => ({ kind: 'truncated' }), says: () => /cut off before the end|reply that is not JSON/ },
};

/** What an operator must never be shown instead of a reason. */
const NOT_A_REASON = /Something went wrong inside|internal error|TypeError|ReferenceError|\bat \S+ \(|\[object Object\]|undefined/i;

/** The message names the cause, and is not a stack trace or a generic "internal error". */
export async function expectOperatorMessage(message: Locator, says: RegExp): Promise<void> {
  await expect(message).toContainText(says);
  expect(await message.innerText()).not.toMatch(NOT_A_REASON);
}

/** Injects the fault for one provider, runs `during`, and clears it whatever happened. */
export async function underFault(sandbox: Sandbox, provider: ProviderId, fault: Fault, during: () => Promise<void>): Promise<void> {
  sandbox.faults.inject(provider, fault);
  try {
    await during();
  } finally {
    sandbox.faults.clear(provider);
  }
}

export interface FaultWorld {
  sandbox: Sandbox;
  web: WebMode;
  page: Page;
  close(): Promise<void>;
}

export const ACCOUNT: Record<ProviderId, string> = { chatpush: 'Jetapi', greenapi: 'Green', chat2desk: 'Desk', chatti: 'Chatti' };

/**
 * A sandbox, web mode with a short provider timeout and Phoenix heartbeat (so a silent provider or a stalled socket
 * is noticed within seconds), and one account per provider asked for.
 */
export async function startFaultWorld(browser: Browser, providers: ProviderId[], seed = 31): Promise<FaultWorld> {
  const sandbox = await startSandbox({ seed });
  const web = await startWebMode({ env: { SWITCHBOARD_PROVIDER_TIMEOUT_MS: '800', SWITCHBOARD_PHOENIX_HEARTBEAT_MS: '1000' } });
  const page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  for (const provider of providers) await ADD[provider](page, sandbox);
  return {
    sandbox,
    web,
    page,
    close: async () => {
      await page.context().close();
      await web.stop();
      await sandbox.close();
    },
  };
}

/** Opens a screen by its navigation link, as a user would. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const id = SCREEN_IDS.find((screen) => screen === name.toLowerCase());
  if (id) await screenShown(page, id);
}

/** The sandbox customer whose client token the Chategy/Jetapi account carries (deliveries are looked up with it). */
export const chatpushCustomer = (sandbox: Sandbox) => sandbox.state.chatpush.instances.find((i) => i.token === sandbox.demo.chatpush.clientTokens[0]!.token)!;

/** The GREEN-API instances the account holds: the linked one and the one waiting for a QR. */
export const greenInstances = (sandbox: Sandbox) => sandbox.demo.greenapi.slice(0, 2);

const ADD: Record<ProviderId, (page: Page, sandbox: Sandbox) => Promise<void>> = {
  chatpush: (page, sandbox) =>
    addChatpushAccount(page, sandbox, ACCOUNT.chatpush, [
      { label: 'Sales desk', token: chatpushCustomer(sandbox).token },
      { label: 'Master', token: sandbox.controls.chatpush.developerToken() },
    ]),
  greenapi: (page, sandbox) => addGreenApiAccount(page, sandbox, ACCOUNT.greenapi, greenInstances(sandbox)),
  chat2desk: (page, sandbox) => addChat2DeskAccount(page, sandbox, ACCOUNT.chat2desk),
  chatti: (page, sandbox) => addChattiAccount(page, sandbox, ACCOUNT.chatti),
};
