import { randomUUID } from 'node:crypto';
import {
  AccountDraftSchema,
  OPTIONAL_SECRETS,
  type AccountDraft,
  type AccountPatch,
  type AccountView,
  type ConnectionTestResult,
} from '../../../../shared/accounts';
import { PROVIDER_CAPABILITIES } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import type { KeyValueStore } from '../../ports';
import { maskSecret } from '../../redactor';
import type { SecretVault } from '../../vault';
import { withSandboxUrls, type SandboxUrls } from './sandbox-hosts';
import { joinSecrets, splitSecrets, StoredAccountSchema, vaultPrefix, type StoredAccount } from './stored-account';

const ACCOUNTS_KEY = 'accounts';
const TESTS_KEY = 'accountTests';

export interface AccountsDeps {
  store: KeyValueStore;
  vault: SecretVault;
  /** URLs of the running sandbox; starts it when needed. */
  sandboxUrls: () => Promise<SandboxUrls>;
  testConnection: (account: AccountDraft) => Promise<ConnectionTestResult>;
  changed: (ids: string[]) => void;
  log: Logger;
  now?: () => Date;
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/**
 * Accounts: non-secret fields in the plain store, secrets in the vault, joined only in main. Records that fail
 * to parse (a newer or hand-edited file) are kept in the store untouched rather than dropped.
 */
export function createAccountsService(deps: AccountsDeps) {
  const now = () => (deps.now?.() ?? new Date()).toISOString();

  const raw = (): unknown[] => deps.store.get<unknown[]>(ACCOUNTS_KEY) ?? [];
  const records = (): StoredAccount[] =>
    raw().flatMap((item) => {
      const parsed = StoredAccountSchema.safeParse(item);
      if (!parsed.success) deps.log.warn('skipping an account record that does not parse', { issues: parsed.error.issues.length });
      return parsed.success ? [parsed.data] : [];
    });
  const save = (record: StoredAccount) => {
    const items = raw();
    const index = items.findIndex((item) => (item as { id?: unknown })?.id === record.id);
    if (index === -1) items.push(record);
    else items[index] = record;
    deps.store.set(ACCOUNTS_KEY, items);
  };
  const find = (id: string) => {
    const record = records().find((r) => r.id === id);
    if (!record) throw new AppError('not_found', 'That account no longer exists. It may have been removed in another window.');
    return record;
  };
  const vaultIds = (id: string) => new Set(deps.vault.ids().filter((key) => key.startsWith(vaultPrefix(id))));
  const withCurrentHosts = async (record: StoredAccount) =>
    record.sandbox ? withSandboxUrls(record, await deps.sandboxUrls()) : record;

  const view = (record: StoredAccount, sandboxUrls: SandboxUrls | null): AccountView => {
    const current = record.sandbox && sandboxUrls ? withSandboxUrls(record, sandboxUrls) : record;
    const damagedSecrets: string[] = [];
    const missingSecrets: string[] = [];
    const masked = joinSecrets(current, (key, path) => {
      try {
        const secret = deps.vault.get(key);
        if (secret !== undefined) return maskSecret(secret);
        // An optional secret that was never set is simply absent; a required one is gone from the vault.
        if (OPTIONAL_SECRETS.includes(path)) return undefined;
        missingSecrets.push(path);
        return maskSecret('');
      } catch (error) {
        // One secret that fails its integrity check must not hide the whole list: show it as damaged instead.
        if (!(error instanceof AppError && error.code === 'vault_tampered')) throw error;
        damagedSecrets.push(path);
        return maskSecret('');
      }
    });
    const tests = deps.store.get<Record<string, ConnectionTestResult>>(TESTS_KEY) ?? {};
    return {
      ...masked,
      capabilities: [...PROVIDER_CAPABILITIES[record.provider]],
      lastTest: tests[record.id] ?? null,
      damagedSecrets,
      missingSecrets,
    } as AccountView;
  };
  const sandboxUrlsIfNeeded = async (list: StoredAccount[]) => (list.some((r) => r.sandbox) ? deps.sandboxUrls() : null);

  /** The account with its secrets in plaintext, for provider calls inside main only. */
  const resolve = async (id: string): Promise<AccountDraft> => plaintext(await withCurrentHosts(find(id)));
  const plaintext = (record: StoredAccount): AccountDraft =>
    AccountDraftSchema.parse(stripMeta(joinSecrets(record, (key) => deps.vault.get(key))));

  const recordTest = (id: string, result: ConnectionTestResult) => {
    const tests = deps.store.get<Record<string, ConnectionTestResult>>(TESTS_KEY) ?? {};
    deps.store.set(TESTS_KEY, { ...tests, [id]: result });
  };

  return {
    resolve,
    records,

    async list(): Promise<AccountView[]> {
      const list = records();
      const urls = await sandboxUrlsIfNeeded(list);
      return list.map((record) => view(record, urls));
    },

    async create(draft: AccountDraft, options: { sandbox?: boolean } = {}): Promise<AccountView> {
      const stamp = now();
      const meta = { id: randomUUID(), createdAt: stamp, updatedAt: stamp, sandbox: options.sandbox ?? false };
      const { record, write } = splitSecrets(draft, meta, undefined, 'draft.');
      await deps.vault.set(write);
      save(record);
      deps.log.info('account added', { account: record.id, provider: record.provider, sandbox: record.sandbox });
      deps.changed([record.id]);
      return view(record, await sandboxUrlsIfNeeded([record]));
    },

    async update(id: string, patch: AccountPatch): Promise<AccountView> {
      const previous = find(id);
      const meta = { id, createdAt: previous.createdAt, updatedAt: now(), sandbox: previous.sandbox };
      const { record, write, remove } = splitSecrets(patch, meta, { record: previous, vaultIds: vaultIds(id) }, 'patch.');
      // New secrets first, then the record that refers to them, then the secrets nothing refers to any more:
      // a failure at any step leaves a record whose secrets all exist.
      await deps.vault.set(write);
      save(record);
      await deps.vault.delete(remove);
      deps.log.info('account updated', { account: id, provider: record.provider });
      deps.changed([id]);
      return view(record, await sandboxUrlsIfNeeded([record]));
    },

    async remove(id: string): Promise<void> {
      find(id);
      deps.store.set(ACCOUNTS_KEY, raw().filter((item) => (item as { id?: unknown })?.id !== id));
      const { [id]: _dropped, ...tests } = deps.store.get<Record<string, ConnectionTestResult>>(TESTS_KEY) ?? {};
      deps.store.set(TESTS_KEY, tests);
      await deps.vault.delete([...vaultIds(id)]);
      deps.log.info('account removed', { account: id });
      deps.changed([id]);
    },

    async test(id: string): Promise<ConnectionTestResult> {
      const result = await deps.testConnection(await resolve(id));
      recordTest(id, result);
      deps.changed([id]);
      return result;
    },

    /** Tests the form as it stands; blank secrets come from the saved account being edited. Nothing is saved. */
    async testDraft(patch: AccountPatch, existingId?: string): Promise<ConnectionTestResult> {
      const previous = existingId ? find(existingId) : undefined;
      const id = existingId ?? 'draft';
      const stamp = now();
      const meta = { id, createdAt: stamp, updatedAt: stamp, sandbox: previous?.sandbox ?? false };
      const { record, write } = splitSecrets(patch, meta, previous && { record: previous, vaultIds: vaultIds(id) }, 'patch.');
      const current = await withCurrentHosts(record);
      const draft = AccountDraftSchema.parse(stripMeta(joinSecrets(current, (key) => write[key] ?? deps.vault.get(key))));
      return deps.testConnection(draft);
    },
  };
}

function stripMeta(account: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, sandbox: _s, ...rest } = account;
  // List entries keep their ids in the record; drafts do not have them.
  for (const value of Object.values(rest)) {
    if (Array.isArray(value)) value.forEach((entry) => delete (entry as { id?: string }).id);
  }
  return rest;
}
