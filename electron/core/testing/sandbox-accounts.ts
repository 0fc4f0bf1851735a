import type { AccountDraft, AccountView } from '../../../shared/accounts';
import { draftFor } from '../providers/test-support';
import type { Sandbox } from '../sandbox/sandbox';
import type { TestCore } from './test-core';

type ProviderId = AccountDraft['provider'];
export type SandboxDraft<P extends ProviderId> = Extract<AccountDraft, { provider: P }>;
export type SandboxAccount<P extends ProviderId> = Extract<AccountView, { provider: P }>;

/**
 * Which providers get an account, created in the order written: `true` takes the demo draft whole; a function
 * narrows it to what the test needs (fewer instances or tokens, another brand, a wrong token).
 */
export type SandboxAccountWishes = {
  [P in ProviderId]?: true | ((draft: SandboxDraft<P>, sandbox: Sandbox) => SandboxDraft<P>);
};
export type SandboxAccounts<W extends SandboxAccountWishes> = { [P in keyof W & ProviderId]: SandboxAccount<P> };

/**
 * Adds one account per wished provider through `accounts.create`, from the demo drafts pointing at the core's own
 * sandbox, and returns the created views (with their ids) by provider.
 */
export async function addSandboxAccounts<W extends SandboxAccountWishes>(running: TestCore, wishes: W): Promise<SandboxAccounts<W>> {
  const sandbox = await running.core.sandboxReady();
  const accounts: Partial<Record<ProviderId, AccountView>> = {};
  for (const provider of Object.keys(wishes) as ProviderId[]) {
    // The mapped type ties each function to its provider's draft; one loop over all of them cannot see that.
    const wish = wishes[provider] as true | ((draft: AccountDraft, sandbox: Sandbox) => AccountDraft) | undefined;
    if (!wish) continue;
    const demo = draftFor(sandbox, provider);
    const draft = wish === true ? demo : wish(demo, sandbox);
    accounts[provider] = await running.call<AccountView>('accounts.create', { draft });
  }
  return accounts as SandboxAccounts<W>;
}
