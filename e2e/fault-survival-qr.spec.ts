import { expect, test, type Page } from '@playwright/test';
import { ACCOUNT, FAULTS, chatpushCustomer, expectOperatorMessage, greenInstances, openScreen, startFaultWorld, underFault, type FaultWorld } from './faults';
import { authorizeScreen } from './authorize-screen';

/**
 * Fault survival on the Authorize screen, in Chromium through web mode against a sandbox this spec runs: the QR
 * dialog keeps working when its websocket drops mid-QR (Chategy/Jetapi's Phoenix socket, GREEN-API's scanqrcode
 * socket) and when the Phoenix socket stops answering heartbeats (noticed within two 1 s heartbeats here): it
 * says it is reconnecting and shows a live code again by itself. The instance list's own load survives a 500.
 * The fault-by-screen matrix of the fault-survival specs is at the top of e2e/faults.ts.
 */
test.describe.configure({ mode: 'serial' });

let world: FaultWorld;
let page: Page;

test.beforeAll(async ({ browser }) => {
  world = await startFaultWorld(browser, ['chatpush', 'greenapi']);
  page = world.page;
  world.sandbox.controls.chatpush.setInstanceState(chatpushCustomer(world.sandbox).customerId, { whatsapp: 'logged_out' });
  await openScreen(page, 'Authorize');
});
test.afterAll(async () => world?.close());

const { dialog, chooseAccount } = authorizeScreen(() => page);
const qr = () => dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' });
const status = () => dialog().locator('.auth-phase');
const SCANNABLE = 'Scan the code with the phone.';
const RECONNECTING = 'The connection dropped; reconnecting…';

test('the instance list survives a 500: the client tokens are still listed with the reason, and Refresh brings the rest', async () => {
  await chooseAccount(ACCOUNT.greenapi);
  const rows = page.getByRole('table', { name: 'Instances of the account' }).getByRole('row');
  await underFault(world.sandbox, 'chatpush', { ...FAULTS['500'].fault('chatpush'), path: '/developer/' }, async () => {
    await chooseAccount(ACCOUNT.chatpush);
    await expectOperatorMessage(page.getByText(/^The developer instance list could not be read/), FAULTS['500'].says('chatpush'));
  });
  // The screen stays usable: the client token's own instance can be authorized meanwhile.
  await expect(page.getByRole('button', { name: 'Authorize Sales desk', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByText(/^The developer instance list could not be read/)).toBeHidden();
  await expect(rows).toHaveCount(world.sandbox.state.chatpush.instances.length + 1);
});

test('Chategy/Jetapi: the QR socket drops mid-QR, the dialog says it is reconnecting, and the code is back by itself', async () => {
  const { customerId } = chatpushCustomer(world.sandbox);
  await page.getByRole('button', { name: 'Authorize Sales desk', exact: true }).click();
  await expect(qr()).toBeVisible();
  await expect(status()).toHaveText(SCANNABLE);

  expect(world.sandbox.controls.chatpush.dropSockets({ customerId })).toBe(1);
  await expect(status()).toHaveText(RECONNECTING);
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();
  await expect.poll(() => world.sandbox.controls.chatpush.openSockets().length).toBe(1);
});

test('Chategy/Jetapi: heartbeats go unanswered, the client notices and reconnects, and the dialog recovers without a click', async () => {
  world.sandbox.controls.chatpush.stopHeartbeatReplies();
  try {
    await expect(status()).toHaveText(RECONNECTING);
  } finally {
    world.sandbox.controls.chatpush.stopHeartbeatReplies(false);
  }
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();
  // Rejoined: one socket in the room, and the code still scans through to the end.
  await expect.poll(() => world.sandbox.controls.chatpush.openSockets().map((socket) => socket.topics.length)).toEqual([1]);
  world.sandbox.controls.chatpush.scanQr(chatpushCustomer(world.sandbox).customerId, '995598000222');
  await expect(dialog()).toContainText('WhatsApp is linked to Sales desk. 995598000222');
  await expect(dialog()).toBeHidden();
});

test('GREEN-API: the scanqrcode socket drops mid-QR, the dialog says it is reconnecting, and a new code comes by itself', async () => {
  const { idInstance } = greenInstances(world.sandbox)[1]!;
  await chooseAccount(ACCOUNT.greenapi);
  await page.getByRole('button', { name: `Authorize idInstance ${idInstance}`, exact: true }).click();
  await expect(qr()).toBeVisible();
  await expect(status()).toHaveText(SCANNABLE);

  expect(world.sandbox.controls.greenapi.dropQrSockets(idInstance)).toBe(1);
  await expect(status()).toHaveText(RECONNECTING);
  await expect(status()).toHaveText(SCANNABLE);
  await expect(qr()).toBeVisible();
  world.sandbox.controls.greenapi.scanQr(idInstance);
  await expect(dialog()).toContainText(`WhatsApp is linked to idInstance ${idInstance}.`);
  await expect(dialog()).toBeHidden();
});
