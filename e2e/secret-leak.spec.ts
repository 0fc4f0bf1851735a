import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { SCREEN_IDS } from '../renderer/shell/screens';
import { openConsole, recordBridgeTraffic, recordPushedEvents, screenShown } from './console';
import { startWebMode, type WebMode } from './web-mode';

/**
 * Canary secrets for every credential type, made the real credentials of a sandbox this test runs, entered through
 * the UI and then driven through every screen and flow: providers that fail and echo the credential back, the
 * accounts edit form, the webhook tester and the GREEN-API webhook header, bulk lookups and a test send with the
 * idempotency key, authorization (QR and pairing code), settings copied to many instances, the request workbench,
 * the audit log and every export; and, in a second web mode without a keychain, the vault passphrase.
 * None may appear in the DOM (except in the field the user typed it into), any bridge response or pushed event,
 * the store files, the vault file, the logs, the audit log, an export or the web-mode output.
 */
test.describe.configure({ mode: 'serial' });

/** Every typed canary starts with this marker, so a cut or partial copy of one is caught as well as a whole one. */
const MARKER = 'CANARY';
const CANARY = {
  chatpushKey: 'CANARYchatpushDeveloperKey0001',
  idempotencyKey: 'CANARYidemKey0002',
  /** apiTokenInstance of the sandbox's first three GREEN-API instances. */
  greenapiTokens: ['CANARYgreenapiToken00000000000000000000000003', 'CANARYgreenapiToken00000000000000000000000013', 'CANARYgreenapiToken00000000000000000000000023'],
  /** Entered for the fourth instance, whose real token differs: every call for it fails with 401. */
  greenapiWrongToken: 'CANARYgreenapiWrongToken000000000000000000033',
  /** The first instance's own webhook Authorization header (webhookUrlToken), read from GREEN-API. */
  webhookUrlToken: 'CANARYwebhookUrlToken0000007',
  chat2deskToken: 'CANARYchat2deskToken000004',
  chattiKey: 'CANARYchattiKey00000000005',
  /** Typed into the webhook tester for one send. */
  testerHeader: 'Bearer CANARYtesterHeaderValue0008',
  /** Typed on the Webhooks screen as the new GREEN-API webhook Bearer token. */
  webhookBearer: 'CANARYwebhookBearerToken0009',
  passphrase: 'CANARY vault passphrase 0010',
  wrongPassphrase: 'CANARY wrong passphrase 0011',
};

let web: WebMode;
let sandbox: Sandbox;
let context: BrowserContext;
let page: Page;
let traffic: () => Promise<string>;
let pushed: () => Promise<string>;
const downloads: string[] = [];
/** Secrets without the marker: the sandbox's client JWT (and its signature part), and Chat2Desk's signing key. */
const unmarked: Record<string, string> = {};

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 11 });
  sandbox.state.chatpush.apiKey = CANARY.chatpushKey;
  const greenapi = sandbox.state.greenapi.instances;
  CANARY.greenapiTokens.forEach((token, index) => (greenapi[index]!.apiTokenInstance = token));
  greenapi[0]!.settings.webhookUrlToken = CANARY.webhookUrlToken;
  sandbox.state.chat2desk.apiToken = CANARY.chat2deskToken;
  sandbox.state.chatti.apiKey = CANARY.chattiKey;
  // A client JWT is a secret too: the sandbox's own, used as a canary; its customer's idempotency key is ours.
  const clientToken = sandbox.demo.chatpush.clientTokens[0]!.token;
  sandbox.state.chatpush.instances.find((instance) => instance.token === clientToken)!.idempotencyKey = CANARY.idempotencyKey;
  unmarked.clientToken = clientToken;
  unmarked.clientTokenSignature = clientToken.split('.')[2]!;
  // Chat2Desk signs with MD5(API token) (A6): a derived secret, never to be displayed either.
  unmarked.chat2deskSigningKey = createHash('md5').update(CANARY.chat2deskToken).digest('hex');

  web = await startWebMode();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  traffic = recordBridgeTraffic(page);
  page.on('download', async (download) => downloads.push(readFileSync((await download.path())!, 'utf8')));
  await openConsole(page, web.url);
  pushed = await recordPushedEvents(page);
});
test.afterAll(async () => {
  await context?.close();
  await web?.stop();
  await sandbox?.close();
});

// ——— The checks, in one place ———

/** Which secrets a text carries, each named with a little context (never the whole text, which may be large). */
function leaksIn(text: string, extra: Record<string, string> = {}): string[] {
  const found: string[] = [];
  const look = (name: string, secret: string) => {
    const at = text.indexOf(secret);
    if (at >= 0) found.push(`${name} at …${text.slice(Math.max(0, at - 60), at + secret.length + 20)}…`);
  };
  look('marker', MARKER);
  for (const [name, secret] of Object.entries({ ...unmarked, ...extra })) look(name, secret);
  return found;
}

/** Fills a field with a secret the user types there: the one place the DOM may hold it. */
async function typeSecret(field: Locator, secret: string): Promise<void> {
  await field.fill(secret);
  await field.evaluate((element) => element.setAttribute('data-typed-secret', ''));
}

/** The page as text: its markup, and the value of every field except one the user typed a secret into. */
function domText(target: Page): Promise<string> {
  return target.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const field of clone.querySelectorAll('[data-typed-secret]')) {
      field.removeAttribute('value');
      field.textContent = '';
    }
    const values = [...document.querySelectorAll('input, textarea')]
      .filter((field) => !field.hasAttribute('data-typed-secret'))
      .map((field) => (field as HTMLInputElement).value);
    return `${clone.outerHTML}\n${values.join('\n')}`;
  });
}

/** Every file of a data directory (settings, vault, logs, audit log), by path. */
function dataFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name).slice(dataDir.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
}

/** No secret in the DOM now, nor in anything that left main so far: bridge, events, files, exports, output. */
async function expectNoLeak(where: string): Promise<void> {
  const surfaces: Record<string, string> = {
    DOM: await domText(page),
    'bridge responses': await traffic(),
    'pushed events': await pushed(),
    'web-mode output': web.output(),
    ...dataFiles(web.dataDir),
    ...Object.fromEntries(downloads.map((text, index) => [`export ${index + 1}`, text])),
  };
  for (const [surface, text] of Object.entries(surfaces)) expect(leaksIn(text), `${where}: ${surface}`).toEqual([]);
}

// ——— Flows ———

const dialog = () => page.getByRole('dialog');
const goTo = async (screen: (typeof SCREEN_IDS)[number]) => {
  await page.keyboard.press(`Alt+${SCREEN_IDS.indexOf(screen) + 1}`);
  await expect(page).toHaveURL(new RegExp(`#/${screen}$`));
  await screenShown(page, screen);
};
/** Lets a screen finish what it loads: no request in flight, nothing marked busy. */
const settle = async () => {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
};
const chooseAccount = (name: string) => page.getByLabel('Account', { exact: true }).selectOption({ label: name });
const greenapiIds = () => sandbox.state.greenapi.instances.map((instance) => instance.idInstance);

test('accounts entered, tested against failing providers, every screen and the audit export', async () => {
  test.setTimeout(180_000);
  const add = async (provider: string, name: string, fill: () => Promise<void>) => {
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await dialog().getByRole('radio', { name: provider }).check();
    await dialog().getByLabel('Account name').fill(name);
    await fill();
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog().getByTestId('connection-report')).toBeVisible();
    await dialog().getByRole('button', { name: 'Add account' }).click();
    await expect(dialog()).toHaveCount(0);
  };
  await add('Chategy / Jetapi', 'Canary Jetapi', async () => {
    await dialog().getByLabel('Brand').selectOption('custom');
    await dialog().getByLabel('REST API').fill(sandbox.urls.chatpush.rest);
    await dialog().getByLabel('Site root').fill(sandbox.urls.chatpush.root);
    await dialog().getByLabel('WhatsApp socket').fill(sandbox.urls.chatpush.whatsappWs);
    await dialog().getByLabel('Telegram socket').fill(sandbox.urls.chatpush.telegramWs);
    await dialog().getByLabel('Developer api_key').fill(CANARY.chatpushKey);
    await dialog().getByLabel('Idempotency key (optional)').fill(CANARY.idempotencyKey);
    await dialog().getByRole('button', { name: 'Add client token' }).click();
    await dialog().getByLabel('Client token 1: Label').fill('canary client');
    await dialog().getByLabel('Client token 1: Token').fill(unmarked.clientToken!);
  });
  await add('GREEN-API', 'Canary GREEN-API', async () => {
    const tokens = [...CANARY.greenapiTokens, CANARY.greenapiWrongToken];
    const lines = greenapiIds().map((id, index) => `${id} ${tokens[index]} ${sandbox.urls.greenapi.apiUrl} ${sandbox.urls.greenapi.mediaUrl}`);
    await dialog().getByRole('button', { name: 'Paste several' }).click();
    await dialog().getByLabel('Instances, one per line').fill(lines.join('\n'));
    await dialog().getByRole('button', { name: 'Preview' }).click();
    // The preview shows what was pasted masked; the tokens are only in the field they were pasted into.
    await expect(dialog().getByRole('table', { name: 'Instances ready to add' })).toContainText('••••0003');
    await dialog().getByLabel('Instances, one per line').evaluate((element) => element.setAttribute('data-typed-secret', ''));
    expect(leaksIn(await domText(page)), 'paste preview').toEqual([]);
    await dialog().getByRole('button', { name: /Add 4 instances/ }).click();
  });
  await add('Chat2Desk', 'Canary Chat2Desk', async () => {
    await dialog().getByLabel('API token', { exact: true }).fill(CANARY.chat2deskToken);
    await dialog().getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chat2desk.baseUrl);
  });
  await add('Chatti', 'Canary Chatti', async () => {
    await dialog().getByLabel('API key (x-api-key)').fill(CANARY.chattiKey);
    await dialog().getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chatti.baseUrl);
    await dialog().getByLabel('Test path').fill(sandbox.demo.chatti.probePath);
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
  for (const screen of SCREEN_IDS) {
    await goTo(screen);
    await page.waitForLoadState('networkidle');
  }
  // Exports that exist on the current screens.
  await goTo('audit');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect.poll(() => downloads.length).toBeGreaterThan(0);

  // The recorders really saw the accounts: their masks (the last four characters) are there, the secrets are not.
  const bridge = (await traffic()) + (await pushed());
  expect(bridge).toContain('••••0001');
  expect(bridge).toContain('accounts.changed');
  expect(Object.keys(dataFiles(web.dataDir))).toEqual(expect.arrayContaining(['settings.json', 'vault.json', join('logs', 'switchboard.log'), 'audit.log']));
  await expectNoLeak('every screen');
});

test('providers that echo the credential in their error answers: every screen shows the error, not the secret', async () => {
  test.setTimeout(180_000);
  const ids = greenapiIds();
  // What real gateways and proxies do: put the request path (GREEN-API's token is in it) or the key in the error.
  sandbox.faults.inject('chatpush', { kind: 'status', status: 401, body: { message: `api_key ${CANARY.chatpushKey} is not valid`, token: unmarked.clientToken } });
  sandbox.faults.inject('greenapi', { kind: 'status', status: 404, path: CANARY.greenapiTokens[0], body: `404 page not found: /waInstance${ids[0]}/getStateInstance/${CANARY.greenapiTokens[0]}` });
  sandbox.faults.inject('greenapi', { kind: 'status', status: 500, path: CANARY.greenapiTokens[1], body: { message: `Internal error at /waInstance${ids[1]}/getSettings/${CANARY.greenapiTokens[1]}` } });
  sandbox.faults.inject('greenapi', { kind: 'status', status: 502, path: CANARY.greenapiTokens[2], body: `bad gateway for apiTokenInstance=${CANARY.greenapiTokens[2]}` });
  sandbox.faults.inject('chat2desk', { kind: 'status', status: 401, body: { status: 'error', message: `Token ${CANARY.chat2deskToken} is invalid` } });
  sandbox.faults.inject('chatti', { kind: 'status', status: 401, body: { error: `x-api-key ${CANARY.chattiKey} rejected` } });
  try {
    await goTo('accounts');
    for (const name of ['Canary Jetapi', 'Canary GREEN-API', 'Canary Chat2Desk', 'Canary Chatti']) {
      await page.getByRole('button', { name: `Test connection for ${name}` }).click();
      await expect(page.getByRole('row', { name: new RegExp(`^${name}`) })).toContainText('Failed');
    }
    // The echoed answers did reach the screen, with the secret masked where it stood.
    await expect(page.getByText(/page not found: \/waInstance\d+\/getStateInstance\/••••/).first()).toBeVisible();
    await expectNoLeak('connection tests against echoing providers');

    await goTo('instances');
    // The read the first visit started in the test before may still be going on a loaded machine.
    await expect(page.getByRole('button', { name: 'Refresh fleet' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Refresh fleet' }).click();
    await expect(page.getByText('Some accounts could not be read in full')).toBeVisible();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => downloads.length).toBeGreaterThan(1);
    for (const screen of SCREEN_IDS) {
      await goTo(screen);
      await settle();
      // Each account in turn where the screen has an account picker, so every provider's reads fail here.
      const picker = page.getByLabel('Account', { exact: true });
      const accounts = (await picker.count()) ? await picker.locator('option').allTextContents() : [];
      for (const account of accounts) {
        await picker.selectOption({ label: account });
        await settle();
        await expectNoLeak(`the ${screen} screen for ${account}, against echoing providers`);
      }
      await expectNoLeak(`the ${screen} screen against echoing providers`);
    }
  } finally {
    sandbox.faults.clear();
  }
});

test('the accounts edit form shows masks only, and saving without retyping keeps the secrets', async () => {
  await goTo('accounts');
  for (const name of ['Canary Jetapi', 'Canary GREEN-API', 'Canary Chat2Desk', 'Canary Chatti']) {
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const secretFields = dialog().locator('input[type="password"]');
    await expect(secretFields.first()).toBeVisible();
    expect(new Set(await secretFields.evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value)))).toEqual(new Set(['']));
    await expect(dialog()).toContainText('••••');
    await expectNoLeak(`the edit form of ${name}`);
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog()).toHaveCount(0);
  }
  // Main kept every secret it was not sent again: the connection tests pass with them.
  for (const name of ['Canary Jetapi', 'Canary Chat2Desk', 'Canary Chatti']) {
    await page.getByRole('button', { name: `Test connection for ${name}` }).click();
    await expect(page.getByRole('row', { name: new RegExp(`^${name}`) })).toContainText('Passed');
  }
  await expectNoLeak('the accounts saved unchanged');
});

/** A webhook receiver on loopback that answers with what it got, headers and credential included, as echo services do. */
async function startEchoReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      const authorization = req.headers.authorization ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo-Authorization': authorization });
      res.end(JSON.stringify({ headers: req.headers, credential: authorization.split(' ').slice(1).join(' ') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('the webhook tester: the sample it shows, the receiver echoing the header back, and signature checks', async () => {
  const receiver = await startEchoReceiver();
  const result = page.getByTestId('tester-result');
  const send = async () => {
    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Send sample' }).click();
    await expect.poll(() => receiver.received.length).toBe(before + 1);
    await expect(page.getByRole('button', { name: 'Send sample' })).toBeEnabled();
    await expect(result).toContainText('HTTP 200');
    return receiver.received.at(-1)!;
  };
  try {
    await goTo('webhooks');
    await page.getByRole('tab', { name: 'Tester' }).click();
    await page.getByLabel('Provider').selectOption('greenapi');
    await page.getByLabel('Event type').selectOption('outgoingMessageStatus');
    await page.getByLabel('Instance in the sample').selectOption({ index: 1 });
    await page.getByLabel('Authorization header', { exact: true }).selectOption('given');
    await typeSecret(page.getByLabel('Header value'), CANARY.testerHeader);
    await page.getByLabel('Receiver URL').fill(receiver.url);
    expect((await send()).headers.authorization).toBe(CANARY.testerHeader);
    await expect(result).toContainText('Bearer ••••0008');
    await expectNoLeak('the tester: a GREEN-API sample with a typed Authorization value');

    // The instance's own header, read from GREEN-API in main and sent from there.
    await page.getByLabel('Authorization header', { exact: true }).selectOption('instance');
    expect((await send()).headers.authorization).toBe(`Bearer ${CANARY.webhookUrlToken}`);
    await expectNoLeak('the tester: a GREEN-API sample with the instance’s webhookUrlToken');

    // Chat2Desk: signed in main with MD5(API token); the signature is shown, the key is not.
    await page.getByLabel('Provider').selectOption('chat2desk');
    await page.getByLabel('Event type').selectOption('inbox');
    await page.getByLabel('Sign with the API token of').selectOption({ label: 'Canary Chat2Desk' });
    const signed = await send();
    const timestamp = String(signed.headers['x-timestamp']);
    expect(signed.headers['x-signature']).toBe(createHmac('sha256', unmarked.chat2deskSigningKey!).update(signed.body + timestamp).digest('hex'));
    await expectNoLeak('the tester: a signed Chat2Desk sample');

    // Checking what arrived: with the account's token (the key is derived in main), then with the key typed.
    await page.getByLabel('Received body').fill(signed.body);
    await page.getByLabel('X-Signature (Chat2Desk, optional)').fill(String(signed.headers['x-signature']));
    await page.getByLabel('X-Timestamp (Chat2Desk, optional)').fill(timestamp);
    await page.getByLabel('Check the signature with').selectOption({ label: 'The API token of Canary Chat2Desk' });
    await page.getByRole('button', { name: 'Check payload' }).click();
    const signature = page.getByTestId('inspect-result').getByTestId('signature-result');
    await expect(signature).toContainText('Signature valid');
    await expectNoLeak('the tester: a signature checked with the account’s token');
    await page.getByLabel('Check the signature with').selectOption('md5');
    await typeSecret(page.getByLabel('Signing key', { exact: true }), unmarked.chat2deskSigningKey!);
    await page.getByRole('button', { name: 'Check payload' }).click();
    await expect(signature).toContainText('Signature valid');
    await expectNoLeak('the tester: a signature checked with a typed signing key');
  } finally {
    await receiver.close();
  }
});

test('the GREEN-API webhook header: a new Bearer token goes to GREEN-API once and comes back masked', async () => {
  await page.getByRole('tab', { name: 'Webhooks' }).click();
  await chooseAccount('Canary GREEN-API (GREEN-API)');
  const current = page.getByTestId('ga-auth-current');
  await expect(current).toContainText('••••0007');
  await page.getByRole('radio', { name: 'Bearer token' }).check();
  await typeSecret(page.getByLabel('Token', { exact: true }), CANARY.webhookBearer);
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText(/Saved \d+ changes?:/)).toBeVisible();
  await expect(current).toContainText('Bearer ••••0009');
  expect(sandbox.state.greenapi.instances[0]!.settings.webhookUrlToken).toBe(`Bearer ${CANARY.webhookBearer}`);
  await expectNoLeak('the GREEN-API webhook header saved');
});

test('deliveries with the client token: a bulk lookup with a failure that echoes the token, its CSV, and a test send with the idempotency key', async () => {
  const delivery = async () => {
    const url = `${sandbox.urls.chatpush.rest}/api/v1/delivery?phone=995598464533&text=${encodeURIComponent('order shipped')}&dispatch_routing[]=sms`;
    const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${unmarked.clientToken}` } });
    return ((await response.json()) as { delivery: { id: number } }).delivery.id;
  };
  const [found, failing] = [await delivery(), await delivery()];
  sandbox.faults.inject('chatpush', { kind: 'status', status: 500, path: `/api/v1/delivery/${failing}`, body: { message: `lookup failed for Bearer ${unmarked.clientToken}` } });
  try {
    await goTo('deliveries');
    await chooseAccount('Canary Jetapi (Chategy / Jetapi)');
    await page.getByRole('tab', { name: 'Bulk lookup' }).click();
    await page.getByLabel('Delivery ids').fill(`${found}\n${failing}\n999999`);
    await page.getByRole('button', { name: 'Look up all' }).click();
    await expect(page.getByTestId('bulk-summary')).toHaveText('1 found, 1 unknown, 1 failed.', { timeout: 30_000 });
    const before = downloads.length;
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => downloads.length).toBe(before + 1);
    expect(downloads.at(-1)).toContain(`${failing},`);
    await expectNoLeak('a bulk lookup and its CSV');
  } finally {
    sandbox.faults.clear();
  }

  await page.getByRole('tab', { name: 'Test message' }).click();
  await page.getByLabel('Phone', { exact: true }).fill('995598464533');
  await page.getByLabel('Text', { exact: true }).fill('leak test');
  await page.getByRole('radio', { name: 'Use the account’s idempotency key' }).check();
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('test-sent')).toContainText('Sent: delivery');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('duplicate-explained')).toBeVisible();
  await expectNoLeak('a test send with the account’s idempotency key');
});

test('authorization: the GREEN-API QR and pairing code (with a failure that echoes the token), and the Chategy/Jetapi QR', async () => {
  const id = greenapiIds()[1]!;
  const qr = dialog().getByRole('img', { name: 'QR code to scan with WhatsApp' });
  const pickAccount = async (name: string) => {
    const select = page.getByLabel('Account', { exact: true });
    await select.selectOption((await select.locator('option', { hasText: name }).getAttribute('value'))!);
    await expect(page.getByRole('table', { name: 'Instances of the account' })).toBeVisible();
  };
  await goTo('authorize');
  await pickAccount('Canary GREEN-API');
  await page.getByRole('button', { name: `Authorize idInstance ${id}`, exact: true }).click();
  await expect(qr).toBeVisible();
  await expectNoLeak('the GREEN-API QR dialog');
  sandbox.controls.greenapi.scanQr(id);
  await expect(dialog()).toBeHidden();

  sandbox.controls.greenapi.setState(id, 'notAuthorized');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: `Authorize idInstance ${id}`, exact: true }).click();
  await dialog().getByRole('tab', { name: 'Pairing code' }).click();
  await dialog().getByLabel('Phone number (digits only)').fill('441234567890');
  sandbox.faults.inject('greenapi', {
    kind: 'status',
    status: 500,
    times: 3,
    path: 'getAuthorizationCode',
    body: { message: `failed: POST /waInstance${id}/getAuthorizationCode/${CANARY.greenapiTokens[1]}` },
  });
  await dialog().getByRole('button', { name: 'Get a pairing code' }).click();
  await expect(dialog().getByRole('alert')).toBeVisible();
  await expectNoLeak('a pairing code request that failed with the token echoed');
  sandbox.faults.clear();
  await dialog().getByRole('button', { name: 'Get a pairing code' }).click();
  await expect(dialog().locator('.pairing-code-value')).toHaveText(/^[A-Z0-9]{8}$/);
  await expectNoLeak('the pairing code shown');
  expect(sandbox.controls.greenapi.enterPairingCode(id)).toBe(true);
  await expect(dialog()).toBeHidden();

  // Chategy/Jetapi: the client token opens the Phoenix socket in main.
  const customerId = sandbox.state.chatpush.instances.find((instance) => instance.token === unmarked.clientToken)!.customerId;
  sandbox.controls.chatpush.setInstanceState(customerId, { whatsapp: 'logged_out' });
  await pickAccount('Canary Jetapi');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: 'Authorize canary client', exact: true }).click();
  await expect(qr).toBeVisible();
  await expectNoLeak('the Chategy/Jetapi QR dialog');
  sandbox.controls.chatpush.scanQr(customerId, '995598000111');
  await expect(dialog()).toBeHidden();
  await expectNoLeak('authorization finished');
});

test('settings copied to many instances: a result per instance, the failing one explained without its token', async () => {
  await goTo('settings');
  await chooseAccount('Canary GREEN-API (GREEN-API)');
  await expect(page.getByRole('form', { name: 'Instance' }).getByLabel('Send delay, ms')).toBeVisible();
  await page.getByRole('region', { name: 'Copy to other instances' }).getByLabel('Select all').check();
  // The fourth instance's token is wrong; its refusal repeats the path the token is in.
  const id = greenapiIds()[3]!;
  sandbox.faults.inject('greenapi', { kind: 'status', status: 401, path: CANARY.greenapiWrongToken, body: `Unauthorized: /waInstance${id}/setSettings/${CANARY.greenapiWrongToken}` });
  try {
    await page.getByRole('button', { name: /Copy to 3 instances/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /Copying finished/ })).toBeVisible({ timeout: 30_000 });
    const rows = page.getByTestId('copy-results').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: id })).toHaveAttribute('data-state', 'failed');
    await expectNoLeak('settings copied to many instances');
  } finally {
    sandbox.faults.clear();
  }
});

test('the Chatti request workbench: the key is added in main and never shown, even when the answer echoes it', async () => {
  await goTo('accounts');
  await page.getByRole('button', { name: 'Open the request workbench for Canary Chatti' }).click();
  await dialog().getByLabel('Path').fill('/v1/contacts');
  await dialog().getByRole('button', { name: 'Send request' }).click();
  const response = dialog().getByTestId('workbench-response');
  await expect(response).toContainText('Status 200');
  await expectNoLeak('a workbench request');
  // An answer that is not an error but repeats the key (a debug endpoint, a misconfigured proxy).
  sandbox.faults.inject('chatti', { kind: 'notJson', times: 1, body: `request headers: x-api-key: ${CANARY.chattiKey}` });
  await dialog().getByRole('button', { name: 'Send request' }).click();
  await expect(response).toContainText('x-api-key: ••••');
  sandbox.faults.inject('chatti', { kind: 'status', status: 403, times: 1, body: { error: `key ${CANARY.chattiKey} may not read contacts` } });
  await dialog().getByRole('button', { name: 'Send request' }).click();
  await expect(response).toContainText('Status 403');
  await expectNoLeak('workbench answers that echo the key');
  sandbox.faults.clear();
  await dialog().getByRole('button', { name: 'Close' }).click();
  await expect(dialog()).toHaveCount(0);
});

test('the audit log view and its CSV', async () => {
  await goTo('audit');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'accounts.create' })).toHaveCount(4);
  const before = downloads.length;
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect.poll(() => downloads.length).toBe(before + 1);
  expect(downloads.at(-1)).toContain('accounts.update');
  await expectNoLeak('the audit log and its CSV');
});

test('the vault passphrase, where no keychain answers: set, used to unlock after a restart, never echoed', async ({ browser }) => {
  // No Secret Service on this bus address: the vault asks for a passphrase, as on a machine without a keychain.
  const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-leak-test-bus' };
  let passWeb = await startWebMode({ env });
  const dataDir = passWeb.dataDir;
  const passContext = await browser.newContext();
  try {
    const passPage = await passContext.newPage();
    const passTraffic = recordBridgeTraffic(passPage);
    const outputs: string[] = [];
    const expectPassphraseNotLeaked = async (where: string) => {
      const surfaces = { DOM: await domText(passPage), 'bridge responses': await passTraffic(), 'web-mode output': outputs.join('\n') + passWeb.output(), ...dataFiles(dataDir) };
      for (const [surface, text] of Object.entries(surfaces)) expect(leaksIn(text), `${where}: ${surface}`).toEqual([]);
    };

    await passPage.goto(passWeb.url);
    await typeSecret(passPage.getByLabel('Passphrase', { exact: true }), CANARY.passphrase);
    await typeSecret(passPage.getByLabel('Repeat the passphrase'), CANARY.passphrase);
    await passPage.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(passPage.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await passPage.getByRole('button', { name: 'Add account' }).first().click();
    await passPage.getByRole('dialog').getByRole('radio', { name: 'Chatti' }).check();
    await passPage.getByRole('dialog').getByLabel('Account name').fill('Canary Chatti');
    await passPage.getByRole('dialog').getByLabel('API key (x-api-key)').fill(CANARY.chattiKey);
    await passPage.getByRole('dialog').getByLabel('Base URL', { exact: true }).fill(sandbox.urls.chatti.baseUrl);
    await passPage.getByRole('dialog').getByLabel('Test path').fill(sandbox.demo.chatti.probePath);
    await passPage.getByRole('dialog').getByRole('button', { name: 'Add account' }).click();
    await expect(passPage.getByRole('dialog')).toHaveCount(0);
    await expectPassphraseNotLeaked('the passphrase set');

    // A restart: the vault is locked until the passphrase is given; a wrong one is refused without being repeated.
    outputs.push(passWeb.output());
    await passWeb.stop();
    passWeb = await startWebMode({ env, dataDir });
    await passPage.goto(passWeb.url);
    const field = passPage.getByLabel('Passphrase', { exact: true });
    await typeSecret(field, CANARY.wrongPassphrase);
    await passPage.getByRole('button', { name: 'Unlock' }).click();
    await expect(passPage.getByText('That passphrase does not open the vault.')).toBeVisible();
    await expectPassphraseNotLeaked('a wrong passphrase');
    await typeSecret(field, CANARY.passphrase);
    await passPage.getByRole('button', { name: 'Unlock' }).click();
    await expect(passPage.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    await passPage.getByRole('button', { name: 'Test connection for Canary Chatti' }).click();
    await expect(passPage.getByRole('row', { name: /^Canary Chatti/ })).toContainText('Passed');
    await expectPassphraseNotLeaked('the vault unlocked');
  } finally {
    await passContext.close();
    await passWeb.stop();
  }
});
