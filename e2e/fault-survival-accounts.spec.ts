import { expect, test, type Page } from '@playwright/test';
import type { ProviderId } from '../shared/providers';
import { accessibilityViolations } from './console';
import { ACCOUNT, FAULTS, expectOperatorMessage, startFaultWorld, underFault, type FaultName, type FaultWorld } from './faults';

/**
 * Fault survival on the Accounts screen (Test connection) and in the Chatti request workbench, in Chromium through
 * web mode against a sandbox this spec runs (the fault-by-screen matrix is at the top of e2e/faults.ts). Each case:
 * the fault is injected, the operator acts, reads the cause in words, still has what they typed and a button to
 * try again; the fault is cleared and trying again works.
 */
test.describe.configure({ mode: 'serial' });

let world: FaultWorld;
let page: Page;

test.beforeAll(async ({ browser }) => {
  world = await startFaultWorld(browser, ['chatpush', 'greenapi', 'chat2desk', 'chatti']);
  page = world.page;
});
test.afterAll(async () => world?.close());

const ACCOUNTS_CASES: [ProviderId, FaultName][] = [
  ['chatpush', '401'],
  ['chatpush', '466'],
  ['greenapi', '403'],
  ['greenapi', '500'],
  ['chat2desk', '403'],
  ['chat2desk', '429'],
  ['chat2desk', '466'],
  ['chatti', '403'],
  ['chatti', '466'],
  ['chatti', 'reset'],
];

const passed = /All \d+ checks passed\.|The check passed\./;

test('Accounts: Test connection names the cause of each fault, and the same button works once it is gone', async () => {
  for (const [provider, name] of ACCOUNTS_CASES) {
    await test.step(`${ACCOUNT[provider]}: ${name}`, async () => {
      const testButton = page.getByRole('button', { name: `Test connection for ${ACCOUNT[provider]}` });
      const report = page.getByRole('region', { name: `Connection test result for ${ACCOUNT[provider]}` });
      await underFault(world.sandbox, provider, FAULTS[name].fault(provider), async () => {
        await testButton.click();
        await expectOperatorMessage(report, FAULTS[name].says(provider));
      });
      await testButton.click();
      await expect(report).toContainText(passed);
    });
  }
});

test('Accounts: a 429 with a short Retry-After is waited out, and the test passes without the operator doing anything', async () => {
  world.sandbox.faults.inject('greenapi', { kind: 'status', status: 429, retryAfter: 1, times: 1 });
  await page.getByRole('button', { name: `Test connection for ${ACCOUNT.greenapi}` }).click();
  await expect(page.getByRole('region', { name: `Connection test result for ${ACCOUNT.greenapi}` })).toContainText(passed);
  expect(world.sandbox.faults.list('greenapi')).toEqual([]);
});

test('Accounts: a failed test in the edit dialog keeps the edits, and testing again passes', async () => {
  await page.getByRole('button', { name: `Edit ${ACCOUNT.chatti}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Account name').fill('Chatti, renamed');
  await underFault(world.sandbox, 'chatti', FAULTS['401'].fault('chatti'), async () => {
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expectOperatorMessage(dialog.getByTestId('connection-report'), FAULTS['401'].says('chatti'));
  });
  await expect(dialog.getByLabel('Account name')).toHaveValue('Chatti, renamed');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('connection-report')).toContainText(passed);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

const WORKBENCH_FAULTS: FaultName[] = ['401', '404', '422', '429', '500', '502 HTML', 'timeout', 'truncated'];

test('Chatti workbench: every fault is explained beside the raw answer, the request stays in the form, and sending again works', async () => {
  await page.getByRole('button', { name: `Open the request workbench for ${ACCOUNT.chatti}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Path').fill('/v1/contacts');
  await dialog.getByLabel('Query parameters (optional)').fill('per_page=2');
  const send = dialog.getByRole('button', { name: 'Send request' });
  const response = dialog.getByTestId('workbench-response');
  for (const name of WORKBENCH_FAULTS) {
    await test.step(name, async () => {
      await underFault(world.sandbox, 'chatti', FAULTS[name].fault('chatti'), async () => {
        await send.click();
        await expectOperatorMessage(dialog.getByRole('alert'), FAULTS[name].says('chatti'));
      });
      await expect(dialog.getByLabel('Path')).toHaveValue('/v1/contacts');
      await expect(dialog.getByLabel('Query parameters (optional)')).toHaveValue('per_page=2');
      await send.click();
      await expect(response).toContainText('Status 200');
      await expect(dialog.getByRole('alert')).toHaveCount(0);
    });
  }
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
