import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { accountShapes, OPTIONAL_SECRETS, SECRET_FIELDS, type AccountDraft, type AccountPatch } from '../../../../shared/accounts';
import { AppError } from '../../app-error';

/** An account as kept in the plain store: every secret field is absent (the secrets are in the vault). */
export const StoredAccountSchema = z.intersection(
  accountShapes({ secret: z.undefined().optional(), optionalSecret: z.undefined().optional(), entryId: z.string() }),
  z.object({ id: z.string(), createdAt: z.string(), updatedAt: z.string(), sandbox: z.boolean() }),
);
export type StoredAccount = z.infer<typeof StoredAccountSchema>;

type Loose = Record<string, unknown>;
type Entry = Loose & { id?: string };

/** Vault ids: everything an account owns starts with its prefix, so removal can sweep them all. */
export const vaultPrefix = (accountId: string) => `account:${accountId}:`;
const topKey = (accountId: string, field: string) => `${vaultPrefix(accountId)}${field}`;
const entryKey = (accountId: string, list: string, entryId: string) => `${vaultPrefix(accountId)}${list}:${entryId}`;

export interface SplitResult {
  record: StoredAccount;
  /** Secrets to write to the vault. */
  write: Record<string, string>;
  /** Vault ids no longer referenced by the record. */
  remove: string[];
}

/**
 * Turns a draft (create) or a patch (update, with the stored record and vault ids it replaces) into a record
 * without secrets plus the vault writes and deletions that go with it. Secret fields come from SECRET_FIELDS,
 * so no provider is special-cased here.
 */
export function splitSecrets(
  input: AccountDraft | AccountPatch,
  meta: { id: string; createdAt: string; updatedAt: string; sandbox: boolean },
  previous?: { record: StoredAccount; vaultIds: ReadonlySet<string> },
  /** Where the input sits in the bridge call (`draft` or `patch`), so field errors point at the right control. */
  fieldPrefix = '',
): SplitResult {
  if (previous && previous.record.provider !== input.provider) {
    throw new AppError('conflict', 'The provider of an existing account cannot be changed. Add a new account instead.');
  }
  const spec = SECRET_FIELDS[input.provider];
  const record: Loose = { ...structuredClone(input as Loose), ...meta };
  const write: Record<string, string> = {};
  const keep = new Set<string>();
  const missing: { path: string; message: string }[] = [];

  for (const field of spec.top as readonly string[]) {
    const value = record[field];
    delete record[field];
    const key = topKey(meta.id, field);
    if (typeof value === 'string') write[key] = value;
    else if (value === undefined && previous?.vaultIds.has(key)) keep.add(key);
    else if (!OPTIONAL_SECRETS.includes(field) && value === undefined) missing.push({ path: `${fieldPrefix}${field}`, message: 'Required' });
  }

  for (const [list, field] of Object.entries(spec.lists) as [string, string][]) {
    const previousIds = new Set(((previous?.record as Loose | undefined)?.[list] as Entry[] | undefined)?.map((e) => e.id) ?? []);
    const entries = (record[list] as Entry[]).map((entry, index) => {
      const known = entry.id !== undefined && previousIds.has(entry.id);
      const id = known ? entry.id! : randomUUID();
      const value = entry[field];
      const key = entryKey(meta.id, list, id);
      if (typeof value === 'string') write[key] = value;
      else if (known && previous!.vaultIds.has(key)) keep.add(key);
      else missing.push({ path: `${fieldPrefix}${list}.${index}.${field}`, message: 'Required' });
      const { [field]: _secret, ...rest } = entry;
      return { ...rest, id };
    });
    record[list] = entries;
  }

  if (missing.length) {
    throw new AppError('invalid_input', 'Some fields need attention.', { fields: missing });
  }
  const remove = [...(previous?.vaultIds ?? [])].filter((key) => !(key in write) && !keep.has(key));
  return { record: StoredAccountSchema.parse(record), write, remove };
}

/** The inverse: the record with each secret field filled in by `read` (plaintext for provider calls, or masks). */
export function joinSecrets<T>(record: StoredAccount, read: (vaultId: string, path: string) => T | undefined): Loose {
  const spec = SECRET_FIELDS[record.provider];
  const joined: Loose = structuredClone(record as Loose);
  for (const field of spec.top as readonly string[]) {
    const value = read(topKey(record.id, field), field);
    if (value !== undefined) joined[field] = value;
  }
  for (const [list, field] of Object.entries(spec.lists) as [string, string][]) {
    joined[list] = (joined[list] as Entry[]).map((entry, index) => ({
      ...entry,
      [field]: read(entryKey(record.id, list, entry.id!), `${list}.${index}.${field}`),
    }));
  }
  return joined;
}
