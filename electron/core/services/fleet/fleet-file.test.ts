import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../log';
import { createFleetWriter, loadSavedFleet, type SavedFleet } from './fleet-file';
import { savedEntry } from './test-support';

const fileIn = () => join(mkdtempSync(join(tmpdir(), 'sb-fleet-file-')), 'fleet.json');
const fleet = (accounts = [savedEntry('a', ['1', '2'])]): SavedFleet => ({
  version: 1,
  savedAt: '2025-11-22T14:06:00.000Z',
  refreshedAt: '2025-11-22T14:05:30.000Z',
  accounts,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('saved fleet file', () => {
  it('round-trips what was written, and reads nothing (reporting nothing) when there is no file yet', async () => {
    const file = fileIn();
    expect(loadSavedFleet(file, silentLogger)).toEqual({ saved: null, quarantined: null });

    const saved = fleet([savedEntry('a', ['1', '2']), savedEntry('b', ['9'], { whatsapp: 'notAuthorized' })]);
    const writer = createFleetWriter(file, () => saved, { log: silentLogger });
    writer.changed();
    await writer.flush();
    expect(loadSavedFleet(file, silentLogger)).toEqual({ saved, quarantined: null });
    // Written aside and renamed over: no temp file is left behind.
    expect(readdirSync(join(file, '..'))).toEqual(['fleet.json']);
  });

  it('writes once for a burst of changes, after the quiet time, with the fleet as it is then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const file = fileIn();
    let current = fleet();
    const snapshot = vi.fn(() => current);
    const writer = createFleetWriter(file, snapshot, { delayMs: 1000, log: silentLogger });

    // A refresh committing account after account, a bulk action patching row after row.
    for (let i = 0; i < 10_000; i++) writer.changed();
    current = fleet([savedEntry('a', ['1', '2', '3'])]);
    await vi.advanceTimersByTimeAsync(999);
    expect(snapshot).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await writer.flush();
    expect(snapshot).toHaveBeenCalledTimes(1);
    expect(loadSavedFleet(file, silentLogger).saved!.accounts[0]!.rows).toHaveLength(3);

    // Nothing changed since: a flush (the end of a refresh with nothing read) writes nothing.
    await writer.flush();
    expect(snapshot).toHaveBeenCalledTimes(1);
  });

  it('does not put a write off for ever while changes keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const snapshot = vi.fn(() => fleet());
    const writer = createFleetWriter(fileIn(), snapshot, { delayMs: 1000, maxWaitMs: 10_000, log: silentLogger });
    // A change every half second never leaves a second of quiet; the first change is written 10 s after it came.
    for (let t = 0; t < 10_000; t += 500) {
      expect(snapshot).not.toHaveBeenCalled();
      writer.changed();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(snapshot).toHaveBeenCalledTimes(1);
    await writer.flush();
  });

  it('flushes at once, and never runs two writes over each other', async () => {
    const file = fileIn();
    let generation = 0;
    const writer = createFleetWriter(file, () => ({ ...fleet(), savedAt: String(++generation) }), { delayMs: 60_000, log: silentLogger });
    writer.changed();
    const first = writer.flush();
    // The first write has taken its snapshot and is on its way to disk when the next change comes.
    await Promise.resolve();
    expect(generation).toBe(1);
    writer.changed();
    const second = writer.flush();
    await Promise.all([first, second]);
    expect(generation).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).savedAt).toBe('2');
  });

  it('moves a file cut short aside, keeps it byte for byte and reports where it went', () => {
    const file = fileIn();
    const torn = JSON.stringify(fleet()).slice(0, 120);
    writeFileSync(file, torn);
    const { saved, quarantined } = loadSavedFleet(file, silentLogger);
    expect(saved).toBeNull();
    expect(quarantined).toMatchObject({ file, reason: expect.stringMatching(/not valid JSON/), cause: { kind: 'not_json' } });
    expect(quarantined!.movedTo).toMatch(/fleet\.json\.corrupt-/);
    expect(readFileSync(quarantined!.movedTo, 'utf8')).toBe(torn);
    expect(existsSync(file)).toBe(false);
  });

  it('moves aside a file that parses but does not fit the rows’ schema, naming where', () => {
    const file = fileIn();
    const bad = fleet();
    (bad.accounts[0]!.rows[1] as { whatsapp: string }).whatsapp = 'linked';
    writeFileSync(file, JSON.stringify(bad));
    const { saved, quarantined } = loadSavedFleet(file, silentLogger);
    expect(saved).toBeNull();
    expect(quarantined!.reason).toContain('at "accounts.0.rows.1.whatsapp"');
  });

  it('moves aside a file from a newer version rather than misreading it', () => {
    const file = fileIn();
    writeFileSync(file, JSON.stringify({ ...fleet(), version: 2 }));
    expect(loadSavedFleet(file, silentLogger).quarantined!.reason).toContain('at "version"');
  });
});
