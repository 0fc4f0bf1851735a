import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../electron/core/sandbox';
import { accessibilityViolations, openConsole, screenShown } from './console';
import { addChat2DeskAccount, addChatpushAccount, addGreenApiAccount, saveNewAccount, startAddingAccount } from './fleet-accounts';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The Webhooks screen end to end in Chromium through web mode: CRUD for every provider, with the validation errors,
 * against a sandbox this spec runs itself (accounts entered like a user; the sandbox state checked afterwards).
 */
test.describe.configure({ mode: 'serial' });

let web: WebMode;
let sandbox: Sandbox;
let page: Page;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox({ seed: 13 });
  web = await startWebMode();
  page = await (await browser.newContext()).newPage();
  await openConsole(page, web.url);
  await addAccounts();
  await page.goto(`${web.origin}/#/webhooks`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhooks');
});
test.afterAll(async () => {
  await page?.context().close();
  await web?.stop();
  await sandbox?.close();
});

const dialog = () => page.getByRole('dialog');

async function addAccounts() {
  await addChatpushAccount(page, sandbox, 'Jetapi (local)', [{ label: 'Sales desk', token: sandbox.demo.chatpush.clientTokens[0]!.token }]);
  await addGreenApiAccount(page, sandbox, 'GREEN-API (local)', sandbox.demo.greenapi.slice(0, 1));
  await addChat2DeskAccount(page, sandbox, 'Chat2Desk (local)');
}

const chooseAccount = (label: string) => page.getByLabel('Account', { exact: true }).selectOption({ label });
const table = () => page.getByRole('table', { name: 'Webhooks' });

test('Chategy/Jetapi: developer and individual webhooks, with validation errors, and axe', async () => {
  await chooseAccount('Jetapi (local) (Chategy / Jetapi)');
  await expect(page.getByText('No webhooks yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog()).toContainText('Incoming and outgoing WhatsApp messages, from the moment of authorization');
  await expect(dialog()).toContainText('Payload types that arrive: message_status');
  await dialog().getByLabel('URL').fill('https://user:secret@hooks.example.com/jetapi');
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog().getByText('Remove the user name and password from the URL')).toBeVisible();
  await expect(dialog().getByText('Choose at least one event type')).toBeVisible();
  await expect(dialog().getByLabel('URL')).toHaveValue('https://user:secret@hooks.example.com/jetapi');

  await dialog().getByLabel('URL').fill('http://hooks.example.com/jetapi');
  await expect(dialog().getByTestId('insecure-url-warning')).toBeVisible();
  await dialog().getByLabel('URL').fill('https://hooks.example.com/jetapi');
  await expect(dialog().getByTestId('insecure-url-warning')).toBeHidden();
  await dialog().getByRole('checkbox', { name: 'whatsapp_status_msg' }).check();
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog()).toBeHidden();
  await expect(table()).toContainText('https://hooks.example.com/jetapi');
  expect(sandbox.state.chatpush.webhooks).toMatchObject([{ owner: 'developer', url: 'https://hooks.example.com/jetapi', types: ['whatsapp_status_msg'] }]);

  const id = sandbox.state.chatpush.webhooks[0]!.id;
  await page.getByRole('button', { name: `Edit #${id}` }).click();
  await dialog().getByRole('checkbox', { name: 'whatsapp_log_in' }).check();
  await dialog().getByRole('button', { name: 'Save webhook' }).click();
  await expect(dialog()).toBeHidden();
  await expect(table()).toContainText('whatsapp_status_msg, whatsapp_log_in');
  expect(sandbox.requests.list('chatpush').some((r) => r.method === 'PUT' && r.path.startsWith(`/developer/v1/webhooks/${id}`))).toBe(true);

  // The client token's own (individual) webhooks are a separate list, updated with PATCH.
  await page.getByLabel('Webhooks of').selectOption({ label: 'Client token: Sales desk' });
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await dialog().getByLabel('URL').fill('https://hooks.example.com/sales');
  await dialog().getByRole('checkbox', { name: 'tdlib_incoming_msg' }).check();
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(table()).toContainText('https://hooks.example.com/sales');
  const individual = sandbox.state.chatpush.webhooks.find((hook) => hook.owner !== 'developer')!;
  await page.getByRole('button', { name: `Edit #${individual.id}` }).click();
  await dialog().getByLabel('URL').fill('https://hooks.example.com/sales2');
  await dialog().getByRole('button', { name: 'Save webhook' }).click();
  await expect(table()).toContainText('https://hooks.example.com/sales2');
  expect(sandbox.requests.list('chatpush').some((r) => r.method === 'PATCH' && r.path.startsWith(`/api/v1/webhooks/${individual.id}`))).toBe(true);

  await page.getByRole('button', { name: `Delete #${individual.id}` }).click();
  await dialog().getByRole('button', { name: 'Delete webhook' }).click();
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
  expect(sandbox.state.chatpush.webhooks.map((hook) => hook.owner)).toEqual(['developer']);
});

test('GREEN-API: URL, Authorization header builder and switches with the documented dependencies', async () => {
  await chooseAccount('GREEN-API (local) (GREEN-API)');
  await expect(page.getByRole('radio', { name: /HTTP API polling/ })).toBeVisible();
  await page.getByRole('radio', { name: /Webhook: GREEN-API POSTs/ }).check();
  await page.getByLabel('Webhook URL').fill('ftp://hooks.example.com/green');
  await page.getByRole('radio', { name: 'Basic (user name and password)' }).check();
  await page.getByLabel('User name', { exact: true }).fill('green');
  await page.getByLabel('Password', { exact: true }).fill('hook-pass-1');
  await expect(page.getByText('GREEN-API will send: Authorization: Basic base64(user name:password)')).toBeVisible();

  await page.getByRole('checkbox', { name: /Incoming calls/ }).check();
  await page.getByRole('checkbox', { name: /Incoming messages and files/ }).uncheck();
  await expect(page.getByTestId('ga-findings')).toContainText('Incoming call notifications need "Incoming messages and files" on as well.');
  await page.getByRole('checkbox', { name: /Incoming messages and files/ }).check();
  await expect(page.getByTestId('ga-findings')).not.toContainText('Incoming call notifications need');
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('A webhook URL starts with https:// (http:// only for test servers).')).toBeVisible();
  await expect(page.getByLabel('User name', { exact: true })).toHaveValue('green');

  await page.getByLabel('Webhook URL').fill('https://hooks.example.com/green');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText(/Saved \d+ changes?:/)).toBeVisible();
  const settings = sandbox.state.greenapi.instances.find((i) => i.idInstance === sandbox.demo.greenapi[0]!.idInstance)!.settings;
  expect(settings).toMatchObject({
    webhookUrl: 'https://hooks.example.com/green',
    webhookUrlToken: `Basic ${Buffer.from('green:hook-pass-1').toString('base64')}`,
    incomingCallWebhook: 'yes',
    incomingWebhook: 'yes',
  });
  await expect(page.getByTestId('ga-auth-current')).toContainText('Now: Authorization: Basic ••••');
  await expect(page.getByTestId('ga-auth-current')).not.toContainText(Buffer.from('green:hook-pass-1').toString('base64'));

  // HTTP API polling empties the URL.
  await page.getByRole('radio', { name: /HTTP API polling/ }).check();
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Saved 1 change: webhookUrl.')).toBeVisible();
  expect(sandbox.state.greenapi.instances.find((i) => i.idInstance === sandbox.demo.greenapi[0]!.idInstance)!.settings.webhookUrl).toBe('');
});

test('Chat2Desk: create with events and channels, edit, disable and enable, delete, and the free limit of 5', async () => {
  await chooseAccount('Chat2Desk (local) (Chat2Desk)');
  const allowance = page.getByTestId('c2d-allowance');
  const existing = sandbox.state.chat2desk.webhooks.length;
  await expect(allowance).toContainText(`${existing} of 5 free webhooks in use.`);
  await expect(page.getByText('after 10 seconds, 5 minutes and 2 hours')).toBeVisible();

  await page.getByRole('button', { name: 'Add webhook' }).click();
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog().getByText('Choose at least one event')).toBeVisible();
  await dialog().getByLabel('Name').fill('CRM inbox');
  await dialog().getByLabel('URL').fill('https://crm.example.com/c2d');
  await dialog().getByRole('checkbox', { name: 'inbox' }).check();
  await dialog().getByRole('checkbox', { name: 'outbox_status' }).check();
  const channel = sandbox.state.chat2desk.channels[0]!;
  await dialog().getByRole('checkbox', { name: new RegExp(`#${channel.id}`) }).check();
  await expect(dialog()).toContainText('arrives as hook_type "operator_status_updated"');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog()).toBeHidden();
  await expect(table()).toContainText('CRM inbox');
  await expect(allowance).toContainText(`${existing + 1} of 5 free webhooks in use.`);
  const hook = sandbox.state.chat2desk.webhooks.at(-1)!;
  expect(hook).toMatchObject({ name: 'CRM inbox', url: 'https://crm.example.com/c2d', events: ['inbox', 'outbox_status'], channels: [channel.id] });

  await page.getByRole('button', { name: 'Edit CRM inbox' }).click();
  await dialog().getByLabel('Name').fill('CRM all');
  await dialog().getByRole('checkbox', { name: 'new_client' }).check();
  await dialog().getByRole('button', { name: 'Save webhook' }).click();
  await expect(table()).toContainText('CRM all');

  await page.getByRole('button', { name: 'Disable CRM all' }).click();
  await expect(table().getByRole('row', { name: /CRM all/ })).toContainText('Disabled');
  expect(sandbox.state.chat2desk.webhooks.at(-1)!.status).toBe('disable');
  await page.getByRole('button', { name: 'Enable CRM all' }).click();
  await expect(table().getByRole('row', { name: /CRM all/ })).toContainText('Enabled');

  // Up to the free limit: the count says so before the sixth is tried, and the refusal is shown in words.
  while (sandbox.state.chat2desk.webhooks.length < 5) {
    const n = sandbox.state.chat2desk.webhooks.length;
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await dialog().getByLabel('Name').fill(`Filler ${n}`);
    await dialog().getByLabel('URL').fill(`https://crm.example.com/f${n}`);
    await dialog().getByRole('checkbox', { name: 'comment' }).check();
    await dialog().getByRole('button', { name: 'Create webhook' }).click();
    await expect(dialog()).toBeHidden();
  }
  await expect(page.getByText('The free limit is reached: Chat2Desk may refuse a sixth webhook.')).toBeVisible();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog()).toContainText('The free limit is reached');
  await dialog().getByLabel('Name').fill('Sixth');
  await dialog().getByLabel('URL').fill('https://crm.example.com/6');
  await dialog().getByRole('checkbox', { name: 'inbox' }).check();
  await dialog().getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog().getByRole('alert')).toContainText('Up to 5 simultaneous webhooks are allowed for free.');
  await dialog().getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Delete CRM all' }).click();
  await dialog().getByRole('button', { name: 'Delete webhook' }).click();
  await expect(table()).not.toContainText('CRM all');
  expect(sandbox.state.chat2desk.webhooks.some((h) => h.name === 'CRM all')).toBe(false);
});

/** A receiver on loopback that records each request exactly as it arrived and answers with the next scripted status. */
async function startReceiver() {
  const { createServer } = await import('node:http');
  const received: { method: string; url: string; headers: Record<string, string | string[] | undefined>; rawHeaders: [string, string][]; body: string }[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // The header lines as they arrived (names as written, in order): what the tester's table must show.
      const rawHeaders = req.rawHeaders.flatMap((name, index, all): [string, string][] => (index % 2 ? [] : [[name, all[index + 1]!]]));
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200, { 'Content-Type': 'application/json', 'X-Receiver': 'e2e' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/incoming`, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The tester's "Request sent" header table, row by row. */
async function shownRequestHeaders(): Promise<[string, string][]> {
  const rows = page.getByRole('table', { name: 'Request sent: Headers' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr): [string, string] => [tr.querySelector('th')!.textContent ?? '', tr.querySelector('td')!.textContent ?? '']));
}

/** Clicks Send and waits for the receiver to get one more request and for the form to show its result. */
async function sendTo(receiver: { received: unknown[] }) {
  const before = receiver.received.length;
  await page.getByRole('button', { name: 'Send sample' }).click();
  await expect.poll(() => receiver.received.length).toBe(before + 1);
  await expect(page.getByRole('button', { name: 'Send sample' })).toBeEnabled();
}

test('tester: a signed Chat2Desk sample and a GREEN-API sample reach a local receiver exactly as the providers send them', async () => {
  const { createHash, createHmac } = await import('node:crypto');
  const receiver = await startReceiver();
  try {
    await page.getByRole('tab', { name: 'Tester' }).click();
    await page.getByLabel('Provider').selectOption('chat2desk');
    await page.getByLabel('Event type').selectOption('inbox');
    await page.getByLabel('Sign with the API token of').selectOption({ label: 'Chat2Desk (local)' });
    await page.getByLabel('Receiver URL').fill(receiver.url);
    await expect(page.getByTestId('insecure-url-warning')).toBeVisible();
    await page.getByRole('button', { name: 'Send sample' }).click();
    const result = page.getByTestId('tester-result');
    await expect(result).toContainText('HTTP 200');
    await expect(result).toContainText('The receiver accepted it.');
    await expect(result).toContainText('x-receiver');

    const [request] = receiver.received;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/incoming');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    const timestamp = String(request!.headers['x-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const key = createHash('md5').update(sandbox.demo.chat2desk.apiToken).digest('hex');
    expect(request!.headers['x-signature']).toBe(createHmac('sha256', key).update(request!.body + timestamp).digest('hex'));
    expect(JSON.parse(request!.body)).toMatchObject({ hook_type: 'inbox', type: 'from_client', client: { id: 12568 } });
    await expect(page.getByTestId('tester-request-body')).toHaveText(request!.body);
    await expect(result).toContainText(String(request!.headers['x-signature']));
    // The table shows every header line that arrived, in order: nothing added by the HTTP client goes unshown.
    expect(await shownRequestHeaders()).toEqual(request!.rawHeaders);
    expect(await accessibilityViolations(page)).toEqual([]);

    // GREEN-API: its Authorization header, an instance's identity, and a receiver that fails.
    receiver.statuses.push(500);
    await page.getByLabel('Provider').selectOption('greenapi');
    await page.getByLabel('Event type').selectOption('outgoingMessageStatus');
    await page.getByLabel('Instance in the sample').selectOption({ index: 1 });
    await page.getByLabel('Authorization header', { exact: true }).selectOption('given');
    await page.getByLabel('Header value').fill('Basic Z3JlZW46aG9vay1wYXNz');
    await page.getByRole('button', { name: 'Send sample' }).click();
    await expect(result).toContainText('HTTP 500');
    await expect(result).toContainText('The receiver did not answer with 2xx');
    await expect(result).toContainText('Basic ••••YXNz');
    const green = receiver.received[1]!;
    expect(green.headers.authorization).toBe('Basic Z3JlZW46aG9vay1wYXNz');
    expect(await shownRequestHeaders()).toEqual(green.rawHeaders.map(([name, value]) => [name, name === 'Authorization' ? 'Basic ••••YXNz' : value]));
    expect(green.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(green.body)).toMatchObject({
      typeWebhook: 'outgoingMessageStatus',
      instanceData: { idInstance: Number(sandbox.demo.greenapi[0]!.idInstance), typeInstance: 'whatsapp' },
      status: 'delivered',
    });

    // Nothing listening: said about the receiver.
    await receiver.close();
    await page.getByRole('button', { name: 'Send sample' }).click();
    await expect(page.getByRole('alert')).toContainText('The sample did not reach the receiver');
  } finally {
    await receiver.close().catch(() => undefined);
  }
});

test('tester: a pasted payload is recognised, shown as a tree, and the spec signature vector verifies', async () => {
  const body =
    '{"message_id":28780,"type":"from_client","text":"test7","transport":"widget","client_id":12568,"operator_id":null,"dialog_id":942,"channel_id":1,"photo":null,"coordinates":null,"audio":null,"pdf":null,"client":{"id":12568,"phone":"[chat] 1d0bb2e221762cfcc05c","client_phone":null,"name":"[chat] 1d0bb2e221762cfcc05c","assigned_name":null,"external_id":null},"hook_type":"inbox","request_id":5357,"attachments":[],"is_new_request":false,"is_new_client":false,"insta_comment":false,"extra_data":{},"is_new":true,"event_time":"2025-04-03T11:50:06.984494Z"}';
  await page.getByRole('tab', { name: 'Tester' }).click();
  await page.getByLabel('Received body').fill(body);
  await page.getByLabel('X-Signature (Chat2Desk, optional)').fill('88b574d8237e1b7740f88102018b734d3dd5bc6803c509a3694eff9721b0c595');
  await page.getByLabel('X-Timestamp (Chat2Desk, optional)').fill('1743681006');
  await page.getByLabel('Check the signature with').selectOption('md5');
  await page.getByLabel('Signing key', { exact: true }).fill('md5_api_token');
  await page.getByRole('button', { name: 'Check payload' }).click();
  const result = page.getByTestId('inspect-result');
  await expect(result.getByTestId('inspect-recognised')).toHaveText('Chat2Desk: inbox');
  await expect(result.getByTestId('signature-result')).toContainText('Signature valid');
  await expect(result.getByTestId('json-tree')).toContainText('client_id: 12568');
  await expect(result.getByTestId('json-tree')).toContainText('phone: "[chat] 1d0bb2e221762cfcc05c"');
  expect(await accessibilityViolations(page)).toEqual([]);

  // One byte changed: the signature no longer matches, and the form keeps what was pasted.
  await page.getByLabel('Received body').fill(body.replace('test7', 'test8'));
  await page.getByRole('button', { name: 'Check payload' }).click();
  await expect(result.getByTestId('signature-result')).toContainText('Signature does not match');
  await expect(page.getByLabel('X-Timestamp (Chat2Desk, optional)')).toHaveValue('1743681006');

  await page.getByLabel('Received body').fill('{"typeWebhook":"incomingCall","instanceData":{"idInstance":1101123456,"wid":"11001234567@c.us","typeInstance":"whatsapp"},"from":"79001234500@c.us","status":"pickUp","timestamp":1617691757,"idMessage":"104179ED87F5328988D8834107EEBE50"}');
  await page.getByLabel('Check the signature with').selectOption('none');
  await page.getByLabel('X-Signature (Chat2Desk, optional)').fill('');
  await page.getByLabel('X-Timestamp (Chat2Desk, optional)').fill('');
  await page.getByRole('button', { name: 'Check payload' }).click();
  await expect(result.getByTestId('inspect-recognised')).toHaveText('GREEN-API: incomingCall');
  await expect(result).toContainText('It has the documented shape of this type.');
});

test('tester: a Chategy/Jetapi message_status (individual), the §6.7 status callback and a Chat2Desk sample signed with a typed token', async () => {
  const { createHash, createHmac } = await import('node:crypto');
  const receiver = await startReceiver();
  const result = page.getByTestId('tester-result');
  try {
    await page.getByRole('tab', { name: 'Tester' }).click();
    await page.getByLabel('Provider').selectOption('chatpush');
    await page.getByLabel('Event type').selectOption('message_status');
    await page.getByLabel('Webhook kind').selectOption('individual');
    await page.getByLabel('Receiver URL').fill(receiver.url);
    await sendTo(receiver);
    const request = receiver.received.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/incoming');
    expect(request.headers['content-type']).toBe('application/json');
    const status = (JSON.parse(request.body) as { payload: { message_status: { timestamp: number } } }).payload.message_status;
    // Byte for byte, key order included: the individual variant names the customer at the top of the payload.
    expect(request.body).toBe(
      JSON.stringify({
        type: 'message_status',
        payload: {
          customer_id: 591,
          delivery_id: 94396942,
          message_status: {
            id: 'true_995598464533@c.us_3EB0608D6A2901063D63THISISBOT',
            status: 'read',
            timestamp: status.timestamp,
            chat_id: '995598464533@c.us',
            chat_lid: '43445322325@lid',
            chat_phone: '995598464533',
          },
        },
      }),
    );
    await expect(page.getByTestId('tester-request-body')).toHaveText(request.body);
    await expect(result).toContainText('HTTP 200');
    expect(await shownRequestHeaders()).toEqual(request.rawHeaders);
    expect(request.rawHeaders.map(([name]) => name.toLowerCase())).not.toContain('sec-fetch-mode');

    // §6.7: the status callback has no webhook kind.
    await page.getByLabel('Event type').selectOption('delivery_status_callback');
    await expect(page.getByLabel('Webhook kind')).toBeHidden();
    await expect(page.getByText('A status callback is no webhook')).toBeVisible();
    await sendTo(receiver);
    const callback = receiver.received.at(-1)!;
    expect(JSON.parse(callback.body)).toEqual({ delivery: { sender_name: 'JETAPI.IO', id: 94396942, status: { status_id: 16, description: 'Read', dispatch_routing: 'whatsapp' } } });
    await expect(page.getByTestId('tester-request-body')).toHaveText(callback.body);
    expect(await shownRequestHeaders()).toEqual(callback.rawHeaders);

    // Chat2Desk signed with a token typed for this send: signed with its MD5, never shown back.
    const token = 'e2e-typed-chat2desk-token-9931';
    await page.getByLabel('Provider').selectOption('chat2desk');
    await page.getByLabel('Event type').selectOption('outbox_status');
    await page.getByLabel('Sign with the API token of').selectOption({ label: 'A token typed here (not saved)' });
    await page.getByLabel('Chat2Desk API token').fill(token);
    await sendTo(receiver);
    const signed = receiver.received.at(-1)!;
    const key = createHash('md5').update(token).digest('hex');
    expect(signed.headers['x-signature']).toBe(createHmac('sha256', key).update(signed.body + String(signed.headers['x-timestamp'])).digest('hex'));
    await expect(page.getByTestId('tester-request-body')).toHaveText(signed.body);
    await expect(result).not.toContainText(token);
    expect(await shownRequestHeaders()).toEqual(signed.rawHeaders);
    expect(await accessibilityViolations(page)).toEqual([]);

    // What was sent, pasted back: recognised as Chategy/Jetapi's, with its kind.
    await page.getByLabel('Received body').fill(request.body);
    await page.getByLabel('Check the signature with').selectOption('none');
    await page.getByLabel('X-Signature (Chat2Desk, optional)').fill('');
    await page.getByLabel('X-Timestamp (Chat2Desk, optional)').fill('');
    await page.getByRole('button', { name: 'Check payload' }).click();
    const inspected = page.getByTestId('inspect-result');
    await expect(inspected.getByTestId('inspect-recognised')).toHaveText('Chategy / Jetapi: message_status');
    await expect(inspected).toContainText('Kind: Individual webhook (customer_id in the payload)');
    await expect(inspected).toContainText('It has the documented shape of this type.');
    await page.getByLabel('Received body').fill(callback.body);
    await page.getByRole('button', { name: 'Check payload' }).click();
    await expect(inspected.getByTestId('inspect-recognised')).toHaveText('Chategy / Jetapi: delivery_status_callback');
  } finally {
    await receiver.close();
  }
});

test('tester: what is wrong with a pasted payload is said in words, in Russian too', async () => {
  await page.getByRole('tab', { name: 'Tester' }).click();
  const inspected = page.getByTestId('inspect-result');
  await page.getByLabel('Received body').fill('{\n  "type": "message_status",\n  "payload": x\n}');
  await page.getByRole('button', { name: 'Check payload' }).click();
  await expect(inspected.getByTestId('inspect-not-json')).toHaveText('The body is not JSON: at line 3, column 14, “x” cannot stand there.');

  await page.getByLabel('Received body').fill('{"type":"message_status","payload":{"delivery_id":1,"message_status":{"id":"x","status":"read"}}}');
  await page.getByRole('button', { name: 'Check payload' }).click();
  await expect(inspected.getByTestId('inspect-recognised')).toHaveText('Chategy / Jetapi: message_status');
  await expect(inspected.getByTestId('inspect-problems')).toHaveText(
    'payload.customer_id: No customer id: a developer webhook carries payload.instance.customer_id, an individual one payload.customer_id.',
  );

  // The result is worded when shown: switching the language re-words it, nothing of main's English remains.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(inspected.getByTestId('inspect-problems')).toHaveText(
    'payload.customer_id: Нет id клиента: вебхук разработчика несёт payload.instance.customer_id, индивидуальный — payload.customer_id.',
  );
  await page.getByLabel('Полученное тело').fill('{"hello": "world"');
  await page.getByRole('button', { name: 'Проверить payload' }).click();
  await expect(inspected.getByTestId('inspect-not-json')).toHaveText(
    'Тело — не JSON: оно кончается в строке 1, позиции 18 раньше, чем JSON (не хватает закрывающей скобки или кавычки).',
  );
  await page.getByLabel('Полученное тело').fill('{"hello": "world"}');
  await page.getByRole('button', { name: 'Проверить payload' }).click();
  await expect(inspected.getByTestId('inspect-problems')).toContainText('Ни одно поле не говорит, какой провайдер его отправил');
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
});

test('Chategy: individual webhooks are not offered, and the screen says why', async () => {
  await startAddingAccount(page, 'Chategy / Jetapi', 'Chategy (preset)');
  const form = dialog();
  await form.getByLabel('Brand').selectOption('chategy');
  await form.getByLabel('Developer api_key').fill('chategy-developer-key-1');
  await form.getByRole('button', { name: 'Add client token' }).click();
  await form.getByLabel('Client token 1: Label').fill('Support');
  await form.getByLabel('Client token 1: Token').fill('chategy-client-token-1');
  await saveNewAccount(page);

  await page.goto(`${web.origin}/#/webhooks`);
  await screenShown(page, 'webhooks');
  await chooseAccount('Chategy (preset) (Chategy / Jetapi)');
  await expect(page.getByTestId('cp-no-individual')).toContainText('Chategy has no individual (client token) webhooks: its documents describe them for Jetapi only.');
  await expect(page.getByLabel('Webhooks of').locator('option')).toHaveText(['The developer (api_key): every instance']);
  expect(await accessibilityViolations(page)).toEqual([]);

  // A Jetapi-compatible account (custom hosts) keeps its client tokens' webhooks.
  await chooseAccount('Jetapi (local) (Chategy / Jetapi)');
  await expect(page.getByLabel('Webhooks of').locator('option')).toHaveText(['The developer (api_key): every instance', 'Client token: Sales desk']);
  await expect(page.getByTestId('cp-no-individual')).toBeHidden();
});
