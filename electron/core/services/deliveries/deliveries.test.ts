import { afterEach, describe, expect, it } from 'vitest';
import type { BulkLookupResults, ChecksumPreview, DeliveryFollowEvent, TestMessage } from '../../../../shared/deliveries';
import type { JobProgress } from '../../../../shared/jobs';
import { addSandboxAccounts } from '../../testing/sandbox-accounts';
import { startTestCore } from '../../testing/test-core';
import { createBulkLookups } from './bulk-lookup';
import { createChatpushDeliveries } from './chatpush-deliveries';

let running: Awaited<ReturnType<typeof startTestCore>> | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

const MESSAGE: TestMessage = { phone: '', text: 'hello', dispatchRouting: [], priority: '', scheduledAt: '', callbackUrl: '', externalId: '', senderName: '' };

/** A core with one Chategy/Jetapi account whose client token is the sandbox's first demo customer. */
async function setUp() {
  running = await startTestCore();
  const sandbox = await running.core.sandboxReady();
  const customer = sandbox.state.chatpush.instances.find((i) => i.token === sandbox.demo.chatpush.clientTokens[0]!.token)!;
  const { chatpush: view } = await addSandboxAccounts(running, {
    chatpush: (draft) => ({ ...draft, name: 'Jetapi', clientTokens: [{ label: 'main', token: customer.token }], idempotencyKey: customer.idempotencyKey }),
  });
  const target = { accountId: view.id, tokenId: view.clientTokens[0]!.id };
  const core = running;
  const send = async (message: Partial<TestMessage>, idempotency: object = { kind: 'none' }) =>
    (await core.call('deliveries.sendTest', { ...target, message: { ...MESSAGE, phone: '995598464533', ...message }, idempotency })).delivery;
  const jobEnd = (jobId: string) =>
    new Promise<JobProgress>((resolve) => {
      const poll = setInterval(() => {
        const last = core.events.filter((e) => e.name === 'jobs.progress' && (e.payload as JobProgress).jobId === jobId).at(-1)?.payload as JobProgress | undefined;
        if (last && last.state !== 'running') {
          clearInterval(poll);
          resolve(last);
        }
      }, 20);
    });
  return { core, sandbox, customer, target, send, jobEnd };
}

describe('Chategy/Jetapi deliveries against the sandbox', () => {
  it('looks up a delivery in each status class, with final and the status the wire carries', async () => {
    const { core, sandbox, target, send } = await setUp();
    const pending = await send({});
    expect(await core.call('deliveries.lookup', { ...target, deliveryId: pending.id })).toMatchObject({ statusId: 6, final: false });
    sandbox.controls.chatpush.setDeliveryStatus(pending.id, 2);
    expect(await core.call('deliveries.lookup', { ...target, deliveryId: pending.id })).toMatchObject({ statusId: 2, final: true, statusDescription: 'Delivered' });
    sandbox.controls.chatpush.setDeliveryStatus(pending.id, 45);
    expect(await core.call('deliveries.lookup', { ...target, deliveryId: pending.id })).toMatchObject({ statusId: 45, final: true });
    const missing = await core.callRaw('deliveries.lookup', { ...target, deliveryId: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'provider_not_found' } });
  });

  it('bulk lookup reports unknown ids as results, not as a failed job', async () => {
    const { core, target, send, jobEnd } = await setUp();
    const a = await send({});
    const b = await send({ text: 'second' });
    const { jobId } = await core.call('deliveries.bulkLookup', { ...target, ids: [a.id, 424242, b.id, 7] });
    const end = await jobEnd(jobId);
    expect(end).toMatchObject({ state: 'finished', done: 4, total: 4, failed: 2 });
    const results = await core.call<BulkLookupResults>('deliveries.bulkResults', { jobId });
    expect(results.items.filter((item) => item.ok).map((item) => item.id).sort()).toEqual([a.id, b.id].sort());
    const failures = results.items.filter((item) => !item.ok);
    expect(failures.map((item) => item.id).sort((x, y) => x - y)).toEqual([7, 424242]);
    expect(failures.every((item) => !item.ok && item.unknown)).toBe(true);
    expect(results.rateLimited).toBe(0);
  });

  it('bulk lookup paces itself down when the platform answers 429, and still finds every delivery', async () => {
    const { core, sandbox, target, send } = await setUp();
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push((await send({ text: `m${i}` })).id);
    sandbox.controls.chatpush.configure({ customerRequestsPerSecond: 10 });
    const deliveries = createChatpushDeliveries({ accounts: core.core.accounts, clients: core.core.clients });
    const bulk = createBulkLookups({ deliveries, jobs: core.core.jobs, pacing: { maxInFlight: 10, maxPerSecond: 100 } });
    const { jobId, done } = bulk.start(target, ids);
    await done;
    const results = bulk.results(jobId);
    expect(results.items.filter((item) => item.ok)).toHaveLength(40);
    expect(results.rateLimited).toBeGreaterThan(0);
  }, 30_000);

  it('a cancelled bulk lookup stops starting requests and keeps what it found', async () => {
    const { core, sandbox, target, send, jobEnd } = await setUp();
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push((await send({ text: `c${i}` })).id);
    sandbox.faults.inject('chatpush', { kind: 'latency', ms: 150 });
    const deliveries = createChatpushDeliveries({ accounts: core.core.accounts, clients: core.core.clients });
    const bulk = createBulkLookups({ deliveries, jobs: core.core.jobs, pacing: { maxInFlight: 2 } });
    const { jobId } = bulk.start(target, ids);
    await expect.poll(() => bulk.results(jobId).items.length).toBeGreaterThan(1);
    await core.call('jobs.cancel', { jobId });
    expect(await jobEnd(jobId)).toMatchObject({ state: 'cancelled' });
    const found = bulk.results(jobId).items.length;
    expect(found).toBeGreaterThan(1);
    expect(found).toBeLessThan(20);
  });

  it('computes the spec §6.8 checksum in main and explains the 400 and 409 answers', async () => {
    const { core, target, customer } = await setUp();
    const vector = { ...target, message: { ...MESSAGE, phone: '71233456789', text: 'text', externalId: '100' }, idempotency: { kind: 'given', key: 'Z5F2idBj' } };
    const preview = await core.call<ChecksumPreview>('deliveries.checksum', vector);
    expect(preview).toMatchObject({ source: '10071233456789text', checksum: 'ebb290126ea4302ebca339f5efe419b4a67edfe57e1ea844e7cec85ccef53f23', key: 'given', accountHasKey: true });
    expect(preview.parameters.map((p) => p.name)).toEqual(['external_id', 'phone', 'text']);

    // The spec's key is not this customer's: the platform refuses the checksum, in words.
    const refused = await core.callRaw('deliveries.sendTest', vector);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'provider_validation', message: expect.stringContaining('idempotency key is not the one'), details: { reason: 'checksum_rejected' } },
    });

    const own = { ...vector, message: { ...vector.message, phone: '995598464533' }, idempotency: { kind: 'account' } };
    const first = await core.call('deliveries.sendTest', own);
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
    const again = await core.callRaw('deliveries.sendTest', own);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'provider_conflict', message: expect.stringContaining(`checksum ${first.checksum}`), details: { reason: 'duplicate_request' } },
    });
    // The key itself never crosses the bridge.
    expect(JSON.stringify([preview, first, again, core.events])).not.toContain(customer.idempotencyKey);
  });

  it('refuses a schedule outside 1 minute to 1 month and a callback URL with credentials, naming the fields', async () => {
    const { core, target } = await setUp();
    const message = { ...MESSAGE, phone: '995598464533', scheduledAt: new Date(Date.now() + 5_000).toISOString(), callbackUrl: 'https://user:pw@example.com/cb' };
    const refused = await core.callRaw('deliveries.sendTest', { ...target, message, idempotency: { kind: 'none' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = (refused as any).error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['callbackUrl', 'scheduledAt']);
  });

  it('sends a scheduled message with scheduled_at on the wire as YYYY-MM-DD HH:MM:SS in UTC (§6.1)', async () => {
    const { core, sandbox, target, customer } = await setUp();
    // Two hours ahead (inside the 1 minute to 1 month window), whole seconds, written with a +03:00 offset: the wire
    // must carry the same instant in UTC, three hours earlier on the clock face.
    const at = Math.floor(Date.now() / 1000) * 1000 + 2 * 3_600_000;
    const plusThree = `${new Date(at + 3 * 3_600_000).toISOString().slice(0, 19)}+03:00`;
    const message = { ...MESSAGE, phone: '995598464533', text: 'later', dispatchRouting: ['sms'], scheduledAt: plusThree };
    const { delivery, checksum } = await core.call('deliveries.sendTest', { ...target, message, idempotency: { kind: 'account' } });

    const posts = sandbox.requests.list('chatpush').filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/delivery?'));
    expect(posts).toHaveLength(1);
    const wire = new URL(posts[0]!.path, 'http://sandbox').searchParams.get('scheduled_at')!;
    expect(wire).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Date.parse(`${wire.replace(' ', 'T')}Z`)).toBe(at);
    // The platform took it as that time: the delivery it echoes and keeps is scheduled for the same instant.
    expect(Date.parse(delivery.scheduledAt!)).toBe(at);
    expect(sandbox.state.chatpush.deliveries.find((record) => record.id === delivery.id)).toMatchObject({ scheduledAt: wire });
    // The schedule is one of the signed parameters: the checksum header the platform accepted covers it.
    expect(sandbox.state.chatpush.receivedChecksums.at(-1)).toMatchObject({ customerId: customer.customerId, checksum });
  });

  it('explains why a delivery cannot be deleted yet, and deletes a delivered WhatsApp message', async () => {
    const { core, sandbox, target, send } = await setUp();
    const delivery = await send({ dispatchRouting: ['whatsapp'] });
    const early = await core.callRaw('deliveries.delete', { ...target, deliveryId: delivery.id });
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'provider_validation',
        message: expect.stringContaining('final status "delivered"'),
        details: { reason: 'delete_not_delivered', reasonParams: { deliveryId: delivery.id } },
      },
    });
    sandbox.controls.chatpush.setDeliveryStatus(delivery.id, 2);
    expect(await core.call('deliveries.delete', { ...target, deliveryId: delivery.id })).toEqual({ done: true });
    expect(await core.call('deliveries.lookup', { ...target, deliveryId: delivery.id })).toMatchObject({ statusId: 4 });
  });

  it('follows a delivery until it is final, pushing each change', async () => {
    const { core, sandbox, target, send, jobEnd } = await setUp();
    const delivery = await send({ dispatchRouting: ['sms'] });
    const { jobId } = await core.call('deliveries.follow', { ...target, deliveryId: delivery.id, intervalSeconds: 1 });
    const seen = () => core.events.filter((e) => e.name === 'deliveries.followed').map((e) => (e.payload as DeliveryFollowEvent).delivery?.statusId);
    await expect.poll(seen).toEqual([6]);
    sandbox.controls.chatpush.advanceDelivery(delivery.id);
    await expect.poll(seen, { timeout: 5000 }).toEqual([6, 1]);
    sandbox.controls.chatpush.setDeliveryStatus(delivery.id, 2);
    expect(await jobEnd(jobId)).toMatchObject({ state: 'finished', done: 1 });
    expect(seen()).toEqual([6, 1, 2]);
  });

  it('looks up operators by phone', async () => {
    const { core, target } = await setUp();
    expect(await core.call('deliveries.searchOperator', { ...target, phone: '+995 598 464 533' })).toMatchObject({ formattedPhone: '+995598464533' });
  });
});
