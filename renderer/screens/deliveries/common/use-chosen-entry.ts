import { useState } from 'react';

/**
 * The chosen entry of an account's list (a client token, a GREEN-API instance), the first until another is chosen.
 * The chosen one may have been removed on the Accounts screen meanwhile: then it falls back to the first.
 */
export function useChosenEntry(entries: readonly { id: string }[]): [string, (entryId: string) => void] {
  const first = entries[0]?.id ?? '';
  const [chosen, choose] = useState(first);
  return [entries.some((entry) => entry.id === chosen) ? chosen : first, choose];
}
