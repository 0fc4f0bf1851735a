import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../create-core';
import { createFileLogger } from '../log';
import { Redactor } from '../redactor';
import { openJsonStore } from '../store/json-store';
import { createFakeKeychain, type FakeKeychain } from '../vault/fake-keychain';
import { keychainProblem } from '../vault/keychain-problem';

/**
 * A whole core as web mode builds it (real store, real vault, real sandbox, real provider clients), in a fresh
 * data directory, with every pushed event recorded. Only the OS keychain is in memory.
 */
export async function startTestCore(options: { dataDir?: string; keychain?: FakeKeychain | null; providerTimeoutMs?: number } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-core-'));
  const redactor = new Redactor();
  const log = createFileLogger(join(dataDir, 'logs', 'switchboard.log'), redactor);
  const { store, quarantined } = openJsonStore(dataDir);
  const keychain = options.keychain === undefined ? createFakeKeychain() : options.keychain;
  const events: { name: string; payload: unknown }[] = [];
  const core = await createCore({
    runtime: 'web',
    version: 'test',
    dataDir,
    store,
    quarantined,
    keychain: { keychain, problem: keychain ? null : keychainProblem('unusable', 'test keychain'), name: 'test keychain' },
    emit: (name, payload) => events.push({ name, payload }),
    log,
    redactor,
    scrypt: { N: 1024, r: 8, p: 1 },
    providerTimeoutMs: options.providerTimeoutMs,
  });
  const dispatch = core.dispatch;
  /** Calls through the same wrapper the transports use, as a trusted sender. */
  const call = async <T = any>(name: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(name, input, { trusted: true });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { shape: result.error });
    return result.value as T;
  };
  const callRaw = (name: string, input: unknown = {}) => dispatch(name, input, { trusted: true });
  return { core, dataDir, keychain, events, call, callRaw, store, dispose: () => core.dispose() };
}
export type TestCore = Awaited<ReturnType<typeof startTestCore>>;
