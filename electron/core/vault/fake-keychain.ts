import type { Keychain } from '../ports';

/**
 * An in-memory Keychain for tests (the OS keychain is an edge; the real one is exercised by keychain-real.test.ts).
 * `failGet` / `failSet` make calls throw the way keytar does when no Secret Service answers or a keyring is locked.
 */
export interface FakeKeychain extends Keychain {
  readonly items: Map<string, string>;
  failGet: Error | null;
  failSet: Error | null;
}

export function createFakeKeychain(): FakeKeychain {
  const items = new Map<string, string>();
  const slot = (service: string, account: string) => `${service}\u0000${account}`;
  const fake: FakeKeychain = {
    items,
    failGet: null,
    failSet: null,
    async getPassword(service, account) {
      if (fake.failGet) throw fake.failGet;
      return items.get(slot(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      if (fake.failSet) throw fake.failSet;
      items.set(slot(service, account), password);
    },
    async deletePassword(service, account) {
      if (fake.failSet) throw fake.failSet;
      return items.delete(slot(service, account));
    },
  };
  return fake;
}
