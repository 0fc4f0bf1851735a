import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../log';
import type { KeyValueStore } from '../../ports';
import { writeFileAtomic } from '../../store/atomic-file';
import { createJobRunner } from '../jobs/job-runner';
import type { ProviderClients } from '../provider-clients';
import { loadSavedFleet, type SavedFleet } from './fleet-file';
import { createFleetService } from './fleet-service';
import { savedEntry } from './test-support';

// Counted, not replaced: the fleet is really written, and the test sees how often.
vi.mock('../../store/atomic-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../store/atomic-file')>();
  return { ...actual, writeFileAtomic: vi.fn(actual.writeFileAtomic) };
});
const writes = () => vi.mocked(writeFileAtomic).mock.calls.filter(([file]) => file.endsWith('fleet.json')).length;

const memoryStore = (): KeyValueStore => {
  const map = new Map<string, unknown>();
  return { get: <T>(key: string) => map.get(key) as T | undefined, set: (key, value) => void map.set(key, value), delete: (key) => void map.delete(key), path: ':memory:' };
};

/** A fleet service over accounts that exist by id only: nothing here reads a provider. */
function service(file: string, accountIds: string[]) {
  return createFleetService({
    accounts: {
      records: () => accountIds.map((id) => ({ id, name: `Account ${id}`, provider: 'greenapi' as const })),
      resolve: () => Promise.reject(new Error('not read in this test')),
    },
    clients: {} as ProviderClients,
    jobs: createJobRunner({ emit: () => {}, log: silentLogger }),
    store: memoryStore(),
    changed: () => {},
    file,
    saveDelayMs: 50,
    log: silentLogger,
  });
}

let file: string;
beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'sb-fleet-keep-')), 'fleet.json');
  vi.mocked(writeFileAtomic).mockClear();
});

const lastSession: SavedFleet = {
  version: 1,
  savedAt: '2025-11-22T14:06:00.000Z',
  refreshedAt: '2025-11-22T14:05:40.000Z',
  accounts: [
    savedEntry('a', ['1', '2'], {}, '2025-11-22T14:05:10.000Z'),
    savedEntry('b', ['7'], { whatsapp: 'notAuthorized' }, '2025-11-22T14:05:00.000Z'),
    savedEntry('gone', ['8', '9'], {}, '2025-11-22T14:04:00.000Z'),
  ],
};

describe('the fleet kept between sessions', () => {
  it('shows the last session’s rows before any refresh, says as of when, and drops accounts removed since', async () => {
    writeFileSync(file, JSON.stringify(lastSession));
    const fleet = service(file, ['a', 'b']);

    const page = fleet.query({ limit: 10 });
    expect(page.rows.map((row) => row.key)).toEqual(['a/1', 'a/2', 'b/7']);
    expect(page.counts).toMatchObject({ total: 3, whatsapp: { authorized: 2, notAuthorized: 1 } });
    expect(page.refreshedAt).toBe('2025-11-22T14:05:40.000Z');
    // The oldest rows shown were read then (the removed account's older ones are not shown).
    expect(page.asOf).toBe('2025-11-22T14:05:00.000Z');
    expect(page.accounts.map((account) => [account.accountId, account.state])).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
    ]);
    expect(fleet.quarantined()).toEqual([]);

    // The removed account leaves the file too.
    await fleet.flush();
    expect(loadSavedFleet(file, silentLogger).saved!.accounts.map((entry) => entry.refresh.accountId)).toEqual(['a', 'b']);
  });

  it('starts empty with nothing to say when there is no saved fleet, and writes nothing until something changes', async () => {
    const fleet = service(file, ['a']);
    expect(fleet.query({}).rows).toEqual([]);
    expect(fleet.query({}).asOf).toBeNull();
    await fleet.flush();
    expect(writes()).toBe(0);
  });

  it('saves a bulk action’s row after row changes in one write once they settle, and on the way out', async () => {
    const many = { ...lastSession, accounts: [savedEntry('a', Array.from({ length: 2000 }, (_, i) => String(i)))] };
    writeFileSync(file, JSON.stringify(many));
    const fleet = service(file, ['a']);

    for (let i = 0; i < 2000; i++) fleet.cache.patch(`a/${i}`, { whatsapp: 'notAuthorized', phone: null });
    await vi.waitFor(() => expect(writes()).toBe(1));
    await vi.mocked(writeFileAtomic).mock.results[0]!.value;
    expect(loadSavedFleet(file, silentLogger).saved!.accounts[0]!.rows.every((row) => row.whatsapp === 'notAuthorized')).toBe(true);

    // A change made just before closing is not lost to the debounce: the host flushes on dispose.
    fleet.cache.patch('a/0', { autoRenew: true });
    await fleet.flush();
    expect(writes()).toBe(2);
    expect(loadSavedFleet(file, silentLogger).saved!.accounts[0]!.rows[0]!.autoRenew).toBe(true);
  });

  it('moves an unreadable saved fleet aside, reports it, and starts empty without overwriting it', () => {
    writeFileSync(file, '{"version":1,"savedAt":"2025-11-22T14:06:00.000Z","accounts":[{"rows":[{"key":"a/1"');
    const fleet = service(file, ['a']);
    const [moved] = fleet.quarantined();
    expect(moved).toMatchObject({ file, movedTo: expect.stringMatching(/fleet\.json\.corrupt-/) });
    expect(fleet.query({}).rows).toEqual([]);
    expect(fleet.query({}).asOf).toBeNull();
  });
});
