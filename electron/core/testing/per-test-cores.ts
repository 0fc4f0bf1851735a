import { afterEach } from 'vitest';
import { addSandboxAccounts, type SandboxAccountWishes } from './sandbox-accounts';
import { startTestCore, type TestCore } from './test-core';

/**
 * For a test file whose tests each start their own core against its own sandbox: registers an `afterEach` that
 * disposes every core a test started through the returned functions, so no test has to.
 */
export function perTestCores() {
  const started: TestCore[] = [];
  afterEach(async () => {
    for (const running of started.splice(0)) await running.dispose();
  });
  const start = async () => {
    const running = await startTestCore();
    started.push(running);
    return { core: running, sandbox: await running.core.sandboxReady() };
  };
  return {
    /** A core with one account per wished provider (see `addSandboxAccounts`), each under its provider's name. */
    async withAccounts<W extends SandboxAccountWishes>(wishes: W) {
      const { core, sandbox } = await start();
      return { core, sandbox, ...(await addSandboxAccounts(core, wishes)) };
    },
    /** A core with the demo workspace "Try the demo" creates; `accountId` finds its account of a provider. */
    async withDemo() {
      const { core, sandbox } = await start();
      const views = await core.call<{ id: string; provider: string }[]>('demo.create');
      const accountId = (provider: string) => views.find((view) => view.provider === provider)!.id;
      return { core, sandbox, accountId };
    },
  };
}
