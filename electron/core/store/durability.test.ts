import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJsonStore } from './json-store';

/**
 * A process killed (SIGKILL, no chance to clean up) in the middle of writing the settings store leaves a file
 * that parses and holds one complete generation: the store writes to a temporary file and renames it over.
 */
const WRITER = `
import { writeSync } from 'node:fs';
import { openJsonStore } from ${JSON.stringify(new URL('./json-store.ts', import.meta.url).pathname)};
const { store } = openJsonStore(process.argv[1]); // with -e, the first extra argument is argv[1]
const big = 'x'.repeat(200_000);
for (let generation = 1; ; generation++) {
  store.set('state', { generation, big, check: generation * 7 });
  // Synchronous: the loop never yields, so an async stdout write would never flush.
  if (generation === 3) writeSync(1, 'writing\\n');
}
`;

describe('settings store durability', () => {
  it('survives SIGKILL in the middle of writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-durable-'));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the writer exited before writing (${code})`)));
    });
    // Let it get well into its loop of writes, then kill it without warning.
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const raw = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(() => JSON.parse(raw)).not.toThrow();
    const { store, quarantined } = openJsonStore(dir);
    expect(quarantined).toEqual([]);
    const state = store.get<{ generation: number; check: number; big: string }>('state')!;
    expect(state.generation).toBeGreaterThanOrEqual(3);
    expect(state.check).toBe(state.generation * 7);
    expect(state.big).toHaveLength(200_000);
  }, 30_000);
});
